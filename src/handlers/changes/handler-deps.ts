import type { AuditLog } from '../../platform/store/audit-log.ts';
import type { ChangeDeps } from '../../changes/use-cases/change-deps.ts';

/** What the changes listeners get: the use cases' deps, the audit log for refusals, and how long the form may wait for GitHub. */
export type ChangeHandlerDeps = ChangeDeps & {
  audit: Pick<AuditLog, 'record'>;
  /** The form checks a PR exists within this (Slack wants an answer within 3 s). */
  prCheckMs: number;
  /** Repositories whose pull requests a change may name. */
  pullRequestRepos: readonly string[];
};
