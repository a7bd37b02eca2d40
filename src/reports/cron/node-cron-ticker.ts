import { createTask, parse, type TaskContext } from 'node-cron';
import type { Logger } from 'pino';
import type { Schedule } from '../config.ts';
import type { CronSlots } from '../domain/cron-slots.ts';
import type { ScheduleTicker, TickingSchedule } from '../ports/schedule-ticker.ts';

/** node-cron's matcher for an expression in a timezone, as the slot search uses it. */
export function nodeCronSlots(expression: string, timezone: string): CronSlots {
  const fields = parse(expression);
  const matcher = createTask(expression, () => undefined, { timezone });
  // Only its matcher is used: a task node-cron keeps in its registry would outlive the bot.
  void matcher.destroy();
  return { timezone, minutes: fields.minute, hours: fields.hour, matches: (d) => matcher.match(d) };
}

/**
 * node-cron computes and fires each schedule with its `timezone`. A slot node-cron reports as
 * missed (the process was busy past its tolerance) is handed over too: the claim in the database
 * decides whether it still posts.
 */
export function nodeCronTicker(log: Logger): ScheduleTicker {
  return {
    create(schedule: Schedule, onSlot: (slot: Date) => Promise<void>): TickingSchedule {
      const fire = (ctx: TaskContext) =>
        onSlot(ctx.date).catch((err: unknown) => log.error({ schedule: schedule.name, slot: ctx.date.toISOString(), err: (err as Error).message }, 'scheduled report could not be claimed'));
      const logger = {
        info: (m: string) => log.info({ schedule: schedule.name }, m),
        warn: (m: string) => log.warn({ schedule: schedule.name }, m),
        error: (m: string | Error) => log.error({ schedule: schedule.name }, String(m)),
        debug: (m: string | Error) => log.debug({ schedule: schedule.name }, String(m)),
      };
      let task: ReturnType<typeof createTask> | undefined;
      return {
        slots: nodeCronSlots(schedule.cron, schedule.timezone),
        start() {
          if (task) return;
          task = createTask(schedule.cron, fire, { timezone: schedule.timezone, name: `report:${schedule.name}`, noOverlap: true, logger, suppressMissedWarning: true, unref: true });
          task.on('execution:missed', (ctx) => void fire(ctx));
          void task.start();
        },
        async stop() {
          await task?.destroy();
          task = undefined;
        },
      };
    },
  };
}
