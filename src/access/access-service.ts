import type { Transaction } from 'kysely';
import type { AccessEffect, AccessRequest, Actor } from './domain/access-request.ts';
import { jobKey } from './domain/access-request.ts';
import { attachSlackThread, type AccessPolicy, type Transition } from './domain/access-request-lifecycle.ts';
import type { AccessValidationRules } from './domain/validate-access-request.ts';
import type { AccessDeps } from '../platform/app-deps.ts';
import type { AccessDatabase, AccessTables } from './store/tables.ts';
import { AccessRequestRepository } from './store/access-request-repository.ts';
import { claimKey } from '../platform/store/processed-keys.ts';
import { accessRequestMessage } from './views/access-request-message.ts';

export const ACCESS_JOB_KINDS = {
  effects: 'access.effects',
  openPr: 'access.open-pr',
  reminder: 'access.expiry-reminder',
  expiry: 'access.expiry',
} as const;

/** Effects carried out after commit by the `access.effects` outbox job (Slack, Cloud Logging). */
type OutboxEffect = Exclude<AccessEffect, { type: 'open-pr' } | { type: 'schedule' } | { type: 'cancel-scheduled' }>;

export interface PersistOptions {
  /** Complete this claimed job in the same transaction (job handlers). */
  completeJob?: { id: string; worker: string };
}

/**
 * Applies access transitions durably: the request row (compare-and-set on version), its audit
 * entries, its scheduled jobs and an outbox job for everything that talks to Slack or Google,
 * all in one transaction. Slack and GitHub work happens after commit, from job rows, retried.
 */
export class AccessService {
  readonly repo: AccessRequestRepository;
  readonly policy: AccessPolicy;
  readonly rules: AccessValidationRules;

  constructor(readonly deps: AccessDeps) {
    this.repo = new AccessRequestRepository(deps.store.db);
    const a = deps.config.access;
    this.policy = { channel: a.channel, twoApproverPattern: a.twoApproverPattern, reminderDaysBeforeExpiry: a.reminderDaysBeforeExpiry };
    this.rules = { maxTemporaryAccessDays: a.maxTemporaryAccessDays, lockedGroups: a.lockedGroups };
  }

  actorFor(slackUserId: string): Actor {
    const p = this.deps.people.bySlackId(slackUserId);
    return p ? { slackUserId, github: p.github, email: p.email, name: p.name } : { slackUserId };
  }

  /** Slack users of the config whose GitHub handle is one of `handles` (case-insensitive). */
  slackUsersFor(handles: readonly string[]): string[] {
    const wanted = new Set(handles.map((h) => h.toLowerCase()));
    return this.deps.config.people.filter((p) => wanted.has(p.github.toLowerCase())).map((p) => p.slack);
  }

  mentions(): Map<string, string> {
    return new Map(this.deps.config.people.map((p) => [p.github.toLowerCase(), `<@${p.slack}>`]));
  }

  /** The group's approvers in the current catalog (empty when the group is gone). */
  async currentApprovers(groupEmail: string): Promise<readonly string[]> {
    const catalog = await this.deps.access.catalog.get();
    return catalog.find(groupEmail)?.approvers ?? [];
  }

  /**
   * Persists a transition computed from `before` (undefined for a new request). False when
   * another replica or click changed the request first (caller recomputes) or the id exists.
   */
  async persist(before: AccessRequest | undefined, t: Transition, options: PersistOptions = {}): Promise<boolean> {
    if (!t.changed) return true;
    const now = this.deps.clock.now();
    const ok = await this.deps.store.db.withTables<AccessTables>().transaction().execute(async (trx) => {
      const written = before ? await this.repo.update(t.request, before.version, trx) : await this.repo.insert(t.request, trx);
      if (!written) return false;
      await this.enqueueEffects(t, now, trx);
      if (options.completeJob && !(await this.deps.jobs.complete(options.completeJob.id, options.completeJob.worker, now, trx))) {
        throw new Error(`lost the lease on job ${options.completeJob.id}`);
      }
      return true;
    });
    if (ok) this.deps.jobRunner.wake();
    return ok;
  }

  private async enqueueEffects(t: Transition, now: Date, trx: Transaction<AccessDatabase>): Promise<void> {
    const outbox: OutboxEffect[] = [];
    const id = t.request.id;
    for (const e of t.effects) {
      switch (e.type) {
        case 'audit':
          await this.deps.audit.record(e.entry, trx);
          if (this.deps.access.auditSink()) outbox.push(e);
          break;
        case 'schedule':
          await this.deps.jobs.enqueue({ id: e.key, kind: e.job === 'expiry' ? ACCESS_JOB_KINDS.expiry : ACCESS_JOB_KINDS.reminder, dueAt: e.dueAt, payload: { requestId: id } }, now, trx);
          break;
        case 'cancel-scheduled':
          await this.deps.jobs.cancel(jobKey(id, e.job), now, trx);
          break;
        case 'open-pr':
          await this.deps.jobs.enqueue({ id: `access:${id}:open-pr:${e.change}`, kind: ACCESS_JOB_KINDS.openPr, dueAt: now, payload: { requestId: id } }, now, trx);
          break;
        default:
          outbox.push(e);
      }
    }
    if (outbox.length > 0) {
      await this.deps.jobs.enqueue({ id: `access:${id}:effects:v${t.request.version}`, kind: ACCESS_JOB_KINDS.effects, dueAt: now, payload: { requestId: id, effects: outbox } }, now, trx);
    }
  }

  /** Load, compute, compare-and-set; recomputes when another click or replica won the race. */
  async mutate(id: string, compute: (request: AccessRequest) => Transition | Promise<Transition>, options: PersistOptions = {}): Promise<Transition | undefined> {
    for (let attempt = 0; attempt < 8; attempt++) {
      const current = await this.repo.get(id);
      if (!current) return undefined;
      const t = await compute(current);
      // Nothing to write: a job handler that returns is completed by the runner.
      if (!t.changed) return t;
      if (await this.persist(current, t, options)) return t;
    }
    throw new Error(`access request ${id} keeps changing under us`);
  }

  /** The `access.effects` job: each effect once (processed keys), in order; a failure retries the rest. */
  async runOutbox(requestId: string, effects: readonly OutboxEffect[]): Promise<void> {
    for (const e of effects) {
      const key = `access-effect:${e.key}`;
      const done = await this.deps.store.db.selectFrom('processed_keys').select('key').where('key', '=', key).executeTakeFirst();
      if (done) continue;
      await this.runEffect(requestId, e);
      await claimKey(this.deps.store.db, key, this.deps.clock.now());
    }
  }

  private async dmOnce(key: string, userId: string, text: string, blocks?: unknown[]): Promise<void> {
    const k = `access-effect:${key}:dm:${userId}`;
    const done = await this.deps.store.db.selectFrom('processed_keys').select('key').where('key', '=', k).executeTakeFirst();
    if (done) return;
    await this.deps.notifier.dm(userId, { text, ...(blocks ? { blocks } : {}) });
    await claimKey(this.deps.store.db, k, this.deps.clock.now());
  }

  private async runEffect(requestId: string, e: OutboxEffect): Promise<void> {
    switch (e.type) {
      case 'audit': {
        const sink = this.deps.access.auditSink();
        if (sink) await sink.record({ ...e.entry, at: new Date(e.entry.at) }, { key: e.key });
        return;
      }
      case 'notify-requester':
        return this.dmOnce(e.key, e.slackUserId, e.text);
      case 'notify-approvers':
        for (const user of this.slackUsersFor(e.approvers)) await this.dmOnce(e.key, user, e.text);
        return;
      case 'post-approval-request':
        return this.postApprovalRequest(requestId, e);
      case 'update-approval-message':
        return this.updateApprovalMessage(requestId);
    }
  }

  private async postApprovalRequest(requestId: string, e: Extract<AccessEffect, { type: 'post-approval-request' }>): Promise<void> {
    let request = await this.repo.get(requestId);
    if (!request) return;
    if (!request.slackThread) {
      const message = accessRequestMessage(request, this.mentions());
      const posted = await this.deps.notifier.post(e.channel, message);
      const permalink = await this.deps.notifier.permalink(posted);
      const thread = { channel: posted.channel, ts: posted.ts, ...(permalink ? { permalink } : {}) };
      const t = await this.mutate(requestId, (r) => attachSlackThread(r, thread, this.deps.clock.now()));
      request = t?.request ?? request;
      // Anything that changed while the message was being posted found no thread to update: show it now.
      await this.updateApprovalMessage(requestId);
    }
    const link = request.slackThread?.permalink ? ` (<${request.slackThread.permalink}|thread>)` : '';
    const dm = accessRequestMessage(request, this.mentions());
    for (const user of this.slackUsersFor(e.approvers)) {
      if (user === request.requester.slackUserId) continue;
      await this.dmOnce(e.key, user, `You can approve this access request${link}: ${dm.text}`, dm.blocks);
    }
  }

  async updateApprovalMessage(requestId: string): Promise<void> {
    const request = await this.repo.get(requestId);
    // Not posted yet: the post renders the latest state after recording its thread.
    if (!request?.slackThread) return;
    await this.deps.notifier.update({ channel: request.slackThread.channel, ts: request.slackThread.ts }, accessRequestMessage(request, this.mentions()));
  }
}
