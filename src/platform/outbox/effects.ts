import type { AuditEntry } from '../store/audit-log.ts';
import type { NewJob } from '../jobs/jobs.ts';

/**
 * What a state change asks for besides its own rows, written in the same transaction by
 * `commitTransition`: nobody inserts into `jobs` or `audit_log` by hand.
 * - `schedule`: a job row (idempotent on its id);
 * - `cancel`: a pending job that is no longer wanted (a superseded reminder);
 * - `audit`: the audit entry of the change;
 * - `deliverOnce`: a delivery (a Slack post, a GitHub comment) as a job whose id is the
 *   delivery's key, so however often the change is retried it is delivered by one job.
 */
export type Effect =
  | { kind: 'schedule'; job: NewJob }
  | { kind: 'cancel'; jobId: string }
  | { kind: 'audit'; entry: AuditEntry }
  | { kind: 'deliver-once'; key: string; job: NewJob };

export const schedule = (job: NewJob): Effect => ({ kind: 'schedule', job });
export const cancel = (jobId: string): Effect => ({ kind: 'cancel', jobId });
export const audit = (entry: AuditEntry): Effect => ({ kind: 'audit', entry });
/** `job.id` is replaced by the key: the key is what makes it once. */
export const deliverOnce = (key: string, job: NewJob): Effect => ({ kind: 'deliver-once', key, job: { ...job, id: key } });
