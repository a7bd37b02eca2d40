import type { Schedule } from '../../../src/reports/config.ts';
import { nodeCronSlots } from '../../../src/reports/cron/node-cron-ticker.ts';
import { nextSlotAfter } from '../../../src/reports/domain/cron-slots.ts';
import type { ScheduleTicker } from '../../../src/reports/ports/schedule-ticker.ts';

/**
 * A ticker the test fires by hand, with node-cron's matcher for the slots: what node-cron's timers
 * would hand the capability at each firing, without waiting for them.
 */
export class ManualTicker implements ScheduleTicker {
  private readonly onSlot = new Map<string, (slot: Date) => Promise<void>>();
  private readonly schedules = new Map<string, Schedule>();
  readonly started = new Set<string>();

  create(schedule: Schedule, onSlot: (slot: Date) => Promise<void>) {
    this.onSlot.set(schedule.name, onSlot);
    this.schedules.set(schedule.name, schedule);
    return {
      slots: nodeCronSlots(schedule.cron, schedule.timezone),
      start: () => void this.started.add(schedule.name),
      stop: async () => void this.started.delete(schedule.name),
    };
  }

  /** Fires the schedule's first slot after `after` (as node-cron would when that time comes) and returns it. */
  async fireNext(name: string, after: Date): Promise<Date> {
    const schedule = this.schedules.get(name);
    if (!schedule) throw new Error(`no schedule ${name}`);
    const slot = nextSlotAfter(nodeCronSlots(schedule.cron, schedule.timezone), after);
    if (!slot) throw new Error(`${name} never fires after ${after.toISOString()}`);
    await this.onSlot.get(name)!(slot);
    return slot;
  }
}
