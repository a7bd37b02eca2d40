/**
 * Paging's ports in memory, for fast tests of its use cases and jobs: the page store (same
 * contract as the Kysely repository: versioned writes, the outbox gate, timeline claims, checked
 * against it in store/page-store.contract.test.ts), a notifier, a pager and metrics that record
 * what they were asked.
 */
import type { DeliveryKey, Notifier, OutgoingMessage, PostedMessage } from '../../src/core/notifier.ts';
import type { JobContext } from '../../src/platform/jobs/define-job.ts';
import type { EscalationEffect, NotifyEffect, Transition } from '../../src/escalation/domain/effects.ts';
import type { PageState } from '../../src/escalation/domain/page-state.ts';
import type { PagerAction, PagerOutcome } from '../../src/escalation/domain/pager-types.ts';
import type { EscalationPolicy } from '../../src/escalation/domain/policy-schema.ts';
import type { Pager } from '../../src/escalation/ports/pager.ts';
import type { DeliveryStart, OutboxEntry, PageAudit, PageMessage, PageStore, TimelineBatch, TransitionOptions, TransitionOutcome } from '../../src/escalation/ports/page-store.ts';
import type { PageReportEntry, PageReports, ReportAdmission } from '../../src/escalation/ports/page-reports.ts';
import type { PageAuditTrail } from '../../src/escalation/ports/page-audit.ts';
import type { Admission } from '../../src/escalation/domain/page-requests.ts';
import type { AuditEntry } from '../../src/platform/store/audit-log.ts';
import type { PagingMetrics } from '../../src/escalation/ports/paging-metrics.ts';
import type { DirectoryLookup } from '../../src/escalation/ports/directory-lookup.ts';
import { pageMessage } from '../../src/escalation/views/paging-message.ts';
import { SENDING_FENCE_MS } from '../../src/escalation/store/page-repository.ts';
import type { EscalationDirectory } from '../../src/escalation/domain/directory.ts';

export interface RecordedChange {
  pageId: string;
  version: number;
  effects: EscalationEffect[];
  audit?: PageAudit;
}

export class InMemoryPages implements PageStore {
  private readonly pages = new Map<string, string>();
  private readonly outbox = new Map<string, OutboxEntry>();
  private readonly shown: PageMessage[] = [];
  private readonly cursors = new Map<string, { posted: number; scheduled: number }>();
  private readonly fences = new Map<string, { run: string; until: number }>();
  /** Every committed change with what it asked for, in commit order. */
  readonly changes: RecordedChange[] = [];
  /** The jobs handed over to be completed with a change (or on their own when nothing changed). */
  readonly completions: Pick<JobContext, 'complete'>[] = [];
  /** Thread deliveries handed out (the jobs the database store would schedule), oldest first. */
  readonly threadBatches: TimelineBatch[] = [];
  /** Pages whose DM was recorded after an acknowledgement (the database store schedules a sync). */
  readonly syncsAfterDelivery: string[] = [];
  private beforeNextWrite: (() => Promise<void>) | undefined;

  /** Runs `fn` once, between the next transition's read and its write: another replica committing meanwhile. */
  interleave(fn: () => Promise<void>): void {
    this.beforeNextWrite = fn;
  }

  async load(id: string): Promise<PageState | undefined> {
    const row = this.pages.get(id);
    return row ? (JSON.parse(row) as PageState) : undefined;
  }

  async listOpen(limit = 50): Promise<PageState[]> {
    const all = [...this.pages.values()].map((r) => JSON.parse(r) as PageState).filter((p) => p.status !== 'resolved');
    return all.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)).slice(0, limit);
  }

  async create(transition: Transition, _now: Date, audit: PageAudit): Promise<boolean> {
    const { state } = transition;
    if (this.pages.has(state.id)) return false;
    this.write(state, transition.effects, audit);
    return true;
  }

  async createUnlessOpen(transition: Transition, now: Date, audit: PageAudit): Promise<{ kind: 'created' } | { kind: 'exists' } | { kind: 'open'; pageId: string }> {
    if (this.pages.has(transition.state.id)) return { kind: 'exists' };
    const open = (await this.listOpen(1000)).find((p) => p.subprojectId === transition.state.subprojectId);
    if (open) return { kind: 'open', pageId: open.id };
    await this.create(transition, now, audit);
    return { kind: 'created' };
  }

  async transition<T extends Transition>(id: string, _now: Date, fn: (state: PageState) => T, options: TransitionOptions<T> = {}): Promise<TransitionOutcome<T> | undefined> {
    for (;;) {
      const before = await this.load(id);
      if (!before) return undefined;
      const result = fn(before);
      if (result.state.version === before.version) {
        if (options.completing) this.completions.push(options.completing);
        return { committed: false, result, before };
      }
      const interleaved = this.beforeNextWrite;
      this.beforeNextWrite = undefined;
      if (interleaved) await interleaved();
      // Checked and written with no await in between, as the versioned UPDATE is one statement.
      if (this.versionOf(id) !== before.version) continue; // lost the race: read again
      this.write(result.state, result.effects, options.audit?.(result, before));
      if (options.completing) this.completions.push(options.completing);
      return { committed: true, result, before };
    }
  }

  async outboxEntry(key: string): Promise<OutboxEntry | undefined> {
    const e = this.outbox.get(key);
    return e ? { ...e } : undefined;
  }

  async beginDelivery(key: string, now: Date, wanted: (page: PageState, effect: NotifyEffect) => boolean, run: string): Promise<DeliveryStart> {
    const entry = this.outbox.get(key);
    if (!entry) return { kind: 'no-page' };
    if (entry.sentAt !== null || entry.droppedAt !== null) return { kind: 'settled-before' };
    const fence = this.fences.get(key);
    if (fence && fence.run !== run && fence.until > now.getTime()) return { kind: 'busy' };
    const page = await this.load(entry.effect.pageId);
    if (!page) return { kind: 'no-page' };
    const resumed = entry.sendingAt !== null;
    if (!wanted(page, entry.effect)) {
      if (resumed) return { kind: 'uncertain', page, effect: entry.effect };
      entry.droppedAt = now.getTime();
      return { kind: 'dropped', effect: entry.effect };
    }
    entry.sendingAt ??= now.getTime();
    this.fences.set(key, { run, until: now.getTime() + SENDING_FENCE_MS });
    return { kind: 'send', page, effect: entry.effect, resumed };
  }

  async releaseDelivery(key: string, run: string): Promise<void> {
    if (this.fences.get(key)?.run === run) this.fences.delete(key);
  }

  async finishDelivery(key: string, dm: PostedMessage, now: Date): Promise<PageState | undefined> {
    const entry = this.outbox.get(key);
    if (!entry) return undefined;
    if (entry.sentAt === null && entry.droppedAt === null) entry.sentAt = now.getTime();
    this.fences.delete(key);
    await this.addMessage({ pageId: entry.effect.pageId, channel: dm.channel, ts: dm.ts, kind: 'dm', personId: entry.effect.personId }, now);
    const page = await this.load(entry.effect.pageId);
    if (page && page.status !== 'triggered') this.syncsAfterDelivery.push(page.id);
    return page;
  }

  async dropDelivery(key: string, now: Date): Promise<void> {
    const entry = this.outbox.get(key);
    if (entry && entry.sentAt === null && entry.droppedAt === null) entry.droppedAt = now.getTime();
  }

  async messages(pageId: string): Promise<PageMessage[]> {
    return this.shown.filter((m) => m.pageId === pageId);
  }

  async addMessage(message: PageMessage, _now: Date): Promise<void> {
    if (!this.shown.some((m) => m.pageId === message.pageId && m.channel === message.channel && m.ts === message.ts)) this.shown.push(message);
  }

  async timelineCursor(pageId: string): Promise<{ posted: number; scheduled: number } | undefined> {
    if (!this.pages.has(pageId)) return undefined;
    return { ...this.cursor(pageId) };
  }

  async queueTimeline(pageId: string, _now: Date): Promise<TimelineBatch | undefined> {
    const c = this.cursor(pageId);
    return c.posted === c.scheduled ? this.handOut(pageId) : undefined;
  }

  async timelineDelivered(batch: TimelineBatch, _now: Date): Promise<TimelineBatch | undefined> {
    const c = this.cursor(batch.pageId);
    if (c.posted !== batch.from) return undefined;
    c.posted = batch.to;
    return c.scheduled === batch.to ? this.handOut(batch.pageId) : undefined;
  }

  /** The outbox rows of a page, with how they ended. */
  outboxOf(pageId: string): { personId: string; state: 'sent' | 'dropped' | 'sending' | 'pending' }[] {
    return [...this.outbox.values()]
      .filter((e) => e.effect.pageId === pageId)
      .map((e) => ({ personId: e.effect.personId, state: e.sentAt !== null ? 'sent' : e.droppedAt !== null ? 'dropped' : e.sendingAt !== null ? 'sending' : 'pending' }));
  }

  /** Every effect of a kind the page's committed changes asked for. */
  effectsOf<K extends EscalationEffect['kind']>(pageId: string, kind: K): Extract<EscalationEffect, { kind: K }>[] {
    return this.changes.filter((c) => c.pageId === pageId).flatMap((c) => c.effects.filter((e): e is Extract<EscalationEffect, { kind: K }> => e.kind === kind));
  }

  audits(pageId: string): PageAudit[] {
    return this.changes.filter((c) => c.pageId === pageId && c.audit).map((c) => c.audit!);
  }

  private versionOf(id: string): number | undefined {
    const row = this.pages.get(id);
    return row ? (JSON.parse(row) as PageState).version : undefined;
  }

  private cursor(pageId: string): { posted: number; scheduled: number } {
    let c = this.cursors.get(pageId);
    if (!c) this.cursors.set(pageId, (c = { posted: 0, scheduled: 0 }));
    return c;
  }

  private handOut(pageId: string): TimelineBatch | undefined {
    const c = this.cursor(pageId);
    const row = this.pages.get(pageId);
    const length = row ? (JSON.parse(row) as PageState).timeline.length : 0;
    if (length <= c.scheduled) return undefined;
    const batch = { pageId, from: c.scheduled, to: length };
    c.scheduled = length;
    this.threadBatches.push(batch);
    return batch;
  }

  private write(state: PageState, effects: EscalationEffect[], audit: PageAudit | undefined): void {
    this.pages.set(state.id, JSON.stringify(state));
    for (const e of effects) if (e.kind === 'notify' && !this.outbox.has(e.key)) this.outbox.set(e.key, { effect: e, sendingAt: null, sentAt: null, droppedAt: null });
    this.changes.push({ pageId: state.id, version: state.version, effects, ...(audit ? { audit } : {}) });
  }
}

/** Page requests in memory, with the repository's rules (a key counts once; `decide` sees the last hour). */
export class InMemoryPageReports implements PageReports {
  readonly entries: { entry: PageReportEntry; at: number; pageId?: string; outcome?: 'raised' | 'joined' }[] = [];

  async admit(entry: PageReportEntry, now: Date, decide: (recentAt: number[]) => Admission): Promise<ReportAdmission> {
    const seen = this.entries.find((e) => e.entry.key === entry.key);
    if (seen) return { kind: 'seen', ...(seen.pageId ? { pageId: seen.pageId } : {}), ...(seen.outcome ? { outcome: seen.outcome } : {}) };
    const admission = decide(this.entries.filter((e) => e.entry.reporter === entry.reporter && e.at > now.getTime() - 3600_000).map((e) => e.at));
    if (!admission.admitted) return { kind: 'limited', admission };
    this.entries.push({ entry, at: now.getTime() });
    return { kind: 'new' };
  }

  async settle(key: string, pageId: string, outcome: 'raised' | 'joined'): Promise<void> {
    const e = this.entries.find((x) => x.entry.key === key);
    if (e) Object.assign(e, { pageId, outcome });
  }
}

/** An audit trail that keeps what it was given. */
export class RecordingAudit implements PageAuditTrail {
  readonly entries: AuditEntry[] = [];
  async record(entry: AuditEntry): Promise<void> {
    this.entries.push(entry);
  }
}

/** A job context for running a handler by hand; the in-memory store records it in `completions` instead of completing it. */
export function fakeJobContext(job: { id: string; kind: string; dueAt?: Date }, now: Date): JobContext {
  return {
    job: { id: job.id, kind: job.kind, dueAt: job.dueAt ?? now, attempts: 1 },
    worker: 'test',
    now,
    complete: async () => {
      throw new Error('the in-memory store never completes a job itself');
    },
    signal: new AbortController().signal,
  };
}

/** A notifier that keeps what it sent, with each delivery's key; `checkFirst` finds an earlier delivery by its key, as Slack's history would. */
export class FakeNotifier implements Notifier {
  readonly posts: { channel: string; message: OutgoingMessage; ts: string; key?: string }[] = [];
  readonly updates: { posted: PostedMessage; message: OutgoingMessage }[] = [];
  readonly dms: { userId: string; message: OutgoingMessage; ts: string; key?: string }[] = [];
  /** Channels whose updates fail (a DM with someone who left). */
  readonly failingUpdates = new Set<string>();
  /** When set, the next DM waits for this promise (to hold a send open while something else runs). */
  holdNextDm: Promise<void> | undefined;
  failNextDm = false;
  /** The next DM is delivered, then its answer is lost (the connection dropped after Slack accepted it). */
  dropNextDmAnswer = false;
  failNextPost = false;
  private ts = 0;

  async post(channel: string, message: OutgoingMessage, delivery?: DeliveryKey): Promise<PostedMessage> {
    if (delivery?.checkFirst) {
      const earlier = this.posts.find((p) => p.key === delivery.key);
      if (earlier) return { channel: `C-${channel}`, ts: earlier.ts };
    }
    if (this.failNextPost) {
      this.failNextPost = false;
      throw new Error('slack is down');
    }
    const ts = `${++this.ts}.000`;
    this.posts.push({ channel, message, ts, ...(delivery ? { key: delivery.key } : {}) });
    return { channel: `C-${channel}`, ts };
  }
  async update(posted: PostedMessage, message: OutgoingMessage): Promise<void> {
    if (this.failingUpdates.has(posted.channel)) throw new Error(`cannot update in ${posted.channel}`);
    this.updates.push({ posted, message });
  }
  async dm(userId: string, message: OutgoingMessage, delivery?: DeliveryKey): Promise<PostedMessage> {
    const hold = this.holdNextDm;
    this.holdNextDm = undefined;
    if (hold) await hold;
    if (delivery?.checkFirst) {
      const earlier = await this.findDm(userId, delivery.key);
      if (earlier) return earlier;
    }
    if (this.failNextDm) {
      this.failNextDm = false;
      throw new Error('slack is down');
    }
    const ts = `${++this.ts}.000`;
    this.dms.push({ userId, message, ts, ...(delivery ? { key: delivery.key } : {}) });
    if (this.dropNextDmAnswer) {
      this.dropNextDmAnswer = false;
      throw new Error('socket hang up');
    }
    return { channel: `D-${userId}`, ts };
  }
  async findDm(userId: string, key: string): Promise<PostedMessage | undefined> {
    const earlier = this.dms.find((d) => d.userId === userId && d.key === key);
    return earlier ? { channel: `D-${userId}`, ts: earlier.ts } : undefined;
  }
  async ephemeral(): Promise<void> {}
  async permalink(): Promise<string | undefined> {
    return undefined;
  }
}

export class FakePager implements Pager {
  readonly calls: { action: PagerAction; pageId: string }[] = [];
  next: PagerOutcome[] = [];
  async trigger(alert: { pageId: string }): Promise<PagerOutcome> {
    return this.answer('trigger', alert.pageId);
  }
  async acknowledge(ref: { pageId: string }): Promise<PagerOutcome> {
    return this.answer('acknowledge', ref.pageId);
  }
  async resolve(ref: { pageId: string }): Promise<PagerOutcome> {
    return this.answer('resolve', ref.pageId);
  }
  private answer(action: PagerAction, pageId: string): PagerOutcome {
    this.calls.push({ action, pageId });
    return this.next.shift() ?? { kind: 'ok', status: 202 };
  }
}

export class RecordingMetrics implements PagingMetrics {
  readonly raised: string[] = [];
  readonly settled: string[] = [];
  readonly notifications: string[] = [];
  readonly pagerCalls: string[] = [];
  pageRaised(page: PageState): void {
    this.raised.push(page.id);
  }
  pageSettled(page: PageState): void {
    this.settled.push(`${page.id}:${page.status}`);
  }
  notification(outcome: 'sent' | 'dropped'): void {
    this.notifications.push(outcome);
  }
  pagerCall(action: PagerAction, outcome: PagerOutcome['kind']): void {
    this.pagerCalls.push(`${action}:${outcome}`);
  }
}

/** A directory look-up that always answers `directory`, recording when it was asked. */
export function lookupOf(directory: EscalationDirectory): DirectoryLookup & { asked: string[] } {
  const asked: string[] = [];
  return Object.assign(
    async (subprojectId: string, now: Date) => {
      asked.push(`${subprojectId}@${now.toISOString()}`);
      return directory;
    },
    { asked },
  );
}

export const TWO_STEPS: EscalationPolicy = {
  id: 'two-steps',
  repeat: 0,
  steps: [
    { targets: ['primary'], delayMinutes: 5 },
    { targets: ['owners'], delayMinutes: 10 },
  ],
};

/** Everything paging's use cases and jobs take, in memory. */
export function inMemoryPaging(directory: EscalationDirectory, options: { policy?: EscalationPolicy; hasPager?: boolean; participants?: string[]; strangerPagesPerHour?: number } = {}) {
  const pages = new InMemoryPages();
  const notifier = new FakeNotifier();
  const warnings: string[] = [];
  const homeRefreshes: string[][] = [];
  return {
    pages,
    reports: new InMemoryPageReports(),
    audit: new RecordingAudit(),
    directoryFor: lookupOf(directory),
    policyFor: () => options.policy ?? TWO_STEPS,
    hasPager: () => options.hasPager ?? false,
    respondersFor: () => ({ owners: directory.owners, participants: options.participants ?? [], leads: directory.leads }),
    showPage: (page: PageState) => pageMessage(page, (id) => `<@${id}>`),
    channelFor: (subprojectId: string) => `${subprojectId}-alerts`,
    notifier,
    findDm: (slackId: string, key: string) => notifier.findDm(slackId, key),
    pager: new FakePager(),
    metrics: new RecordingMetrics(),
    strangerPagesPerHour: options.strangerPagesPerHour ?? 3,
    warnings,
    /** Who was asked to have their Home tab republished, per call. */
    homeRefreshes,
    home: { refresh: (who: readonly (string | undefined)[]) => void homeRefreshes.push(who.filter((w): w is string => w !== undefined)) },
    log: { warn: (_details: Record<string, unknown>, message: string) => void warnings.push(message) },
  };
}

/** Someone in the config, as the policy sees them. */
export const person = (id: string) => ({ kind: 'person', id }) as const;
/** Someone the config does not know. */
export const stranger = (slackId = 'U0STRANGER') => ({ kind: 'stranger', slackId }) as const;

/** A page request as `/k8s-infra page registry severity=warning …` makes it. */
export const REQUEST = { subprojectId: 'registry', severity: 'warning', summary: 'image pulls failing', details: 'since 03:05', createdBy: 'nina', key: 'command:T1' } as const;
