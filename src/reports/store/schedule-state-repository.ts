import type { Executor } from '../../platform/store/executor.ts';
import type { ReportsDatabase } from './tables.ts';

/** The last slot each schedule was fired (or skipped) for, on SQLite and PostgreSQL alike. */
export class ScheduleStateRepository {
  constructor(private readonly db: Executor<ReportsDatabase>) {}

  async lastSlot(name: string): Promise<Date | undefined> {
    const row = await this.db.selectFrom('report_schedules').select('last_slot').where('name', '=', name).executeTakeFirst();
    return row ? new Date(Number(row.last_slot)) : undefined;
  }

  /**
   * Moves the schedule's last slot forward to `slot`; true when this call moved it (false when
   * another replica got there first, or the slot is not newer). A concurrent update of the same
   * row waits for the other and re-checks the condition, so exactly one caller sees true.
   */
  async advance(name: string, slot: Date, now: Date): Promise<boolean> {
    const inserted = await this.db
      .insertInto('report_schedules')
      .values({ name, last_slot: slot.getTime(), updated_at: now.getTime() })
      .onConflict((oc) => oc.column('name').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0) return true;
    const updated = await this.db
      .updateTable('report_schedules')
      .set({ last_slot: slot.getTime(), updated_at: now.getTime() })
      .where('name', '=', name)
      .where('last_slot', '<', slot.getTime())
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) > 0;
  }
}
