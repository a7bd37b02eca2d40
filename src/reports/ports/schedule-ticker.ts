import type { Schedule } from '../config.ts';
import type { CronSlots } from '../domain/cron-slots.ts';

/** A running schedule: its firings until stopped, and its cron matcher for the slot search. */
export interface TickingSchedule {
  slots: CronSlots;
  start(): void;
  stop(): Promise<void>;
}

/**
 * What fires schedules: node-cron in the bot (its timers, in the schedule's timezone); a test
 * passes its own and fires slots itself. `onSlot` gets the slot instant of each firing.
 */
export interface ScheduleTicker {
  create(schedule: Schedule, onSlot: (slot: Date) => Promise<void>): TickingSchedule;
}
