import type { CoreTables } from '../../platform/store/core-tables.ts';

/** Rota: overrides and swaps made from Slack (the config holds only the rotations), and handoff announcements. */
export type RotaOverridesTable = {
  id: string;
  /** Overrides cover a subproject: they apply to each of its layers (rotations). */
  subproject_id: string;
  person_id: string;
  from_at: number;
  to_at: number;
  created_by: string;
  created_at: number;
};

export type RotaSwapsTable = {
  id: string;
  rotation_id: string;
  status: 'proposed' | 'accepted' | 'declined';
  /** Gives up `requester_shift`, takes `counterpart_shift`. */
  requester_id: string;
  requester_shift: number;
  counterpart_id: string;
  counterpart_shift: number;
  created_at: number;
  decided_at: number | null;
  decided_by: string | null;
};

/** One row per handoff instant of a subproject that a job looked at: announced or skipped. */
export type RotaAnnouncementsTable = {
  /** `<subproject>:<ISO instant>`, the same as the job's id without its prefix. */
  key: string;
  subproject_id: string;
  at: number;
  /** Who was on call from `at` (null: nobody). */
  person_id: string | null;
  outcome: 'announced' | 'unchanged';
  created_at: number;
};

/** Shadow shifts (domain/shadow.ts): notified with the primary, never primary; one row per booking key. */
export type RotaShadowsTable = {
  key: string;
  rotation_id: string;
  person_id: string;
  from_at: number;
  until_at: number;
  reason: string;
  created_at: number;
};

export type RotaTables = {
  rota_overrides: RotaOverridesTable;
  rota_shadows: RotaShadowsTable;
  rota_swaps: RotaSwapsTable;
  rota_announcements: RotaAnnouncementsTable;
};

/** What this capability's repositories see: its own tables and the platform's (jobs, audit log, keys). */
export type RotaDatabase = CoreTables & RotaTables;
