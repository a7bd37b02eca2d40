import type { Admission } from '../domain/page-requests.ts';

/** One person's page request, as counted. */
export interface PageReportEntry {
  /** The request's idempotency key (a Slack trigger or view id). */
  key: string;
  /** Slack user id of whoever asked. */
  reporter: string;
  personId?: string;
  subprojectId: string;
}

export type ReportAdmission =
  | { kind: 'new' }
  /** The same request again (Slack's retry, a double submit): counted once; `pageId` once it was settled. */
  | { kind: 'seen'; pageId?: string; outcome?: 'raised' | 'joined' }
  | { kind: 'limited'; admission: Extract<Admission, { admitted: false }> };

/** Page requests of people, counted in the database so a limit holds across replicas. */
export interface PageReports {
  /**
   * In one transaction (serialised per reporter): a request seen before answers `seen`; otherwise
   * `decide` sees the reporter's requests of the last hour (epoch ms) and, when admitted, the
   * request is recorded with them.
   */
  admit(entry: PageReportEntry, now: Date, decide: (recentAt: number[]) => Admission): Promise<ReportAdmission>;
  /** Which page the request raised or joined. */
  settle(key: string, pageId: string, outcome: 'raised' | 'joined'): Promise<void>;
}
