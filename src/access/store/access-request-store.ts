import type { Kysely } from 'kysely';
import type { AccessRequest, AccessRequestStatus } from '../domain/access-request.ts';
import type { Transition } from '../domain/access-request-lifecycle.ts';
import type { AccessRequests } from '../ports/access-requests.ts';
import { outboxEffects } from '../transition-effects.ts';
import type { JobContext } from '../../platform/jobs/define-job.ts';
import type { CommitTransition } from '../../platform/outbox/commit-transition.ts';
import type { CoreTables } from '../../platform/store/core-tables.ts';
import { AccessRequestRepository } from './access-request-repository.ts';
import type { AccessDatabase, AccessTables } from './tables.ts';

/**
 * Access requests in the database: the row (compare-and-set on version) and what the
 * transition's effects ask for (audit, jobs, the outbox) commit together through `commit`.
 */
export class AccessRequestStore implements AccessRequests {
  private readonly db: Kysely<AccessDatabase>;
  private readonly repo: AccessRequestRepository;

  constructor(
    db: Kysely<CoreTables>,
    private readonly commit: CommitTransition,
    /** Whether audit entries also go to a sink (Cloud Logging) through the outbox. */
    private readonly hasAuditSink: () => boolean,
    /** Told of every transition once it committed (the metrics). */
    private readonly onCommitted: (t: Transition) => void = () => {},
  ) {
    this.db = db.withTables<AccessTables>();
    this.repo = new AccessRequestRepository(db);
  }

  get(id: string): Promise<AccessRequest | undefined> {
    return this.repo.get(id);
  }

  findByBranch(branch: string): Promise<AccessRequest | undefined> {
    return this.repo.findByBranch(branch);
  }

  findByPullRequestNumber(number: number): Promise<AccessRequest | undefined> {
    return this.repo.findByPullRequestNumber(number);
  }

  listByRequester(slackUserId: string): Promise<AccessRequest[]> {
    return this.repo.listByRequester(slackUserId);
  }

  listByGroup(groupEmailId: string): Promise<AccessRequest[]> {
    return this.repo.listByGroup(groupEmailId);
  }

  listByStatus(statuses: readonly AccessRequestStatus[]): Promise<AccessRequest[]> {
    return this.repo.listByStatus(statuses);
  }

  async save(before: AccessRequest | undefined, t: Transition, options: { job?: JobContext } = {}): Promise<boolean> {
    if (!t.changed) return true;
    const saved = await this.commit(this.db, async (trx, now) => {
      const written = before ? await this.repo.update(t.request, before.version, trx) : await this.repo.insert(t.request, trx);
      if (!written) return { result: false, effects: [] };
      if (options.job && !(await options.job.complete(trx))) throw new Error(`lost the lease on job ${options.job.job.id}`);
      return { result: true, effects: outboxEffects(t, now, { auditSink: this.hasAuditSink() }) };
    });
    if (saved) this.onCommitted(t);
    return saved;
  }
}
