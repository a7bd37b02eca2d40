import type { AccessEffect, AccessRequest, AccessRequestStatus } from '../../../src/access/domain/access-request.ts';
import type { Transition } from '../../../src/access/domain/access-request-lifecycle.ts';
import type { AccessRequests } from '../../../src/access/ports/access-requests.ts';
import type { JobContext } from '../../../src/platform/jobs/define-job.ts';

/**
 * The request store in memory, with the database's compare-and-set on version, keeping every
 * saved transition so a test reads the effects a use case asked for.
 */
export class InMemoryAccessRequests implements AccessRequests {
  private readonly rows = new Map<string, AccessRequest>();
  readonly saved: { transition: Transition; job: JobContext | undefined }[] = [];
  /** Runs just before the next save compares versions: another click or replica writing first. */
  beforeNextSave: (() => void) | undefined;

  constructor(requests: readonly AccessRequest[] = []) {
    for (const r of requests) this.put(r);
  }

  /** Writes a row as another writer would (no effects recorded). */
  put(request: AccessRequest): void {
    this.rows.set(request.id, structuredClone(request));
  }

  async get(id: string): Promise<AccessRequest | undefined> {
    const r = this.rows.get(id);
    return r && structuredClone(r);
  }

  async findByBranch(branch: string): Promise<AccessRequest | undefined> {
    return this.sorted('desc').find((r) => r.pullRequest?.branch === branch || r.removalPullRequest?.branch === branch);
  }

  async findByPullRequestNumber(number: number): Promise<AccessRequest | undefined> {
    return this.sorted('desc').find((r) => r.pullRequest?.number === number || r.removalPullRequest?.number === number);
  }

  async listByRequester(slackUserId: string): Promise<AccessRequest[]> {
    return this.sorted('desc').filter((r) => r.requester.slackUserId === slackUserId);
  }

  async listByGroup(groupEmailId: string): Promise<AccessRequest[]> {
    return this.sorted('desc').filter((r) => r.group.emailId.toLowerCase() === groupEmailId.toLowerCase());
  }

  async listByStatus(statuses: readonly AccessRequestStatus[]): Promise<AccessRequest[]> {
    return this.sorted('asc').filter((r) => statuses.includes(r.status));
  }

  async save(before: AccessRequest | undefined, transition: Transition, options: { job?: JobContext } = {}): Promise<boolean> {
    if (!transition.changed) return true;
    const hook = this.beforeNextSave;
    this.beforeNextSave = undefined;
    hook?.();
    const current = this.rows.get(transition.request.id);
    if (before ? current?.version !== before.version : current !== undefined) return false;
    this.put(transition.request);
    this.saved.push({ transition, job: options.job });
    return true;
  }

  /** Every effect of every saved transition, in order. */
  effects(): AccessEffect[] {
    return this.saved.flatMap((s) => s.transition.effects);
  }

  private sorted(order: 'asc' | 'desc'): AccessRequest[] {
    const rows = [...this.rows.values()].map((r) => structuredClone(r));
    rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return order === 'asc' ? rows : rows.reverse();
  }
}
