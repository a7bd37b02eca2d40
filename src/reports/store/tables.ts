import type { CoreTables } from '../../platform/store/core-tables.ts';

/** The latest firing of each schedule this database knows of: what a starting replica compares with. */
export type ReportScheduleRow = {
  name: string;
  /** Epoch milliseconds of the slot. */
  last_slot: number;
  updated_at: number;
};

export type ReportsTables = {
  report_schedules: ReportScheduleRow;
};

/** What the reports' repository sees: its table and the platform's (jobs, audit log). */
export type ReportsDatabase = CoreTables & ReportsTables;
