/**
 * Paging's ports in memory, for fast tests of its use cases and jobs: the page store (same
 * contract as the Kysely repository: versioned writes, the outbox gate, timeline claims, checked
 * against it in store/page-store.contract.test.ts), a notifier, a pager and metrics that record
 * what they were asked.
 */
import type { Notifier, OutgoingMessage, PostedMessage } from '../../src/core/notifier.ts';
import type { JobContext } from '../../src/platform/jobs/define-job.ts';
import type { EscalationEffect, Transition } from '../../src/escalation/domain/effects.ts';
import type { PageState } from '../../src/escalation/domain/page-state.ts';
import type { PagerAction, PagerOutcome } from '../../src/escalation/domain/pager-types.ts';
import type { EscalationPolicy } from '../../src/escalation/domain/policy-schema.ts';
import { PageLocks } from '../../src/escalation/page-locks.ts';
import type { Pager } from '../../src/escalation/ports/pager.ts';
import type {
  DeliveryGate,
  DeliveryOutcome,
  OutboxEntry,
  PageAudit,
  PageMessage,
  PageStore,
  TransitionOptions,
  TransitionOutcome,
} from '../../src/escalation/ports/page-store.ts';
import type { PagingMetrics } from '../../src/escalation/ports/paging-metrics.ts';
import type { DirectoryLookup } from '../../src/escalation/ports/directory-lookup.ts';
import { pageMessage } from '../../src/escalation/views/paging-message.ts';
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
  private readonly posted = new Map<string, number>();
  /** Every committed change with what it asked for, in commit order. */
  readonly changes: RecordedChange[] = [];
  /** The jobs handed over to be completed with a change (or on their own when nothing changed). */
  readonly completions: Pick<JobContext, 'complete'>[] = [];
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
      if ((await this.load(id))?.version !== before.version) continue; // lost the race: read again
      this.write(result.state, result.effects, options.audit?.(result, before));
      if (options.completing) this.completions.push(options.completing);
      return { committed: true, result, before };
    }
  }

  async outboxEntry(key: string): Promise<OutboxEntry | undefined> {
    const e = this.outbox.get(key);
    return e ? { ...e } : undefined;
  }

  async deliver(key: string, now: Date, gate: DeliveryGate): Promise<DeliveryOutcome> {
    const entry = this.outbox.get(key);
    if (!entry) return 'no-page';
    const page = await this.load(entry.effect.pageId);
    if (!page) return 'no-page';
    if (entry.sentAt !== null || entry.droppedAt !== null) return 'settled-before';
    if (!gate.wanted(page, entry.effect)) {
      entry.droppedAt = now.getTime();
      return 'dropped';
    }
    // As in the database: the mark is only kept when the send succeeded.
    const dm = await gate.send(page, entry.effect);
    entry.sentAt = now.getTime();
    await this.addMessage({ pageId: page.id, channel: dm.channel, ts: dm.ts, kind: 'dm', personId: entry.effect.personId }, now);
    return 'sent';
  }

  async messages(pageId: string): Promise<PageMessage[]> {
    return this.shown.filter((m) => m.pageId === pageId);
  }

  async addMessage(message: PageMessage, _now: Date): Promise<void> {
    if (!this.shown.some((m) => m.pageId === message.pageId && m.channel === message.channel && m.ts === message.ts)) this.shown.push(message);
  }

  async timelinePosted(pageId: string): Promise<number> {
    return this.posted.get(pageId) ?? 0;
  }

  async claimTimeline(pageId: string, from: number, to: number): Promise<boolean> {
    if ((this.posted.get(pageId) ?? 0) !== from) return false;
    this.posted.set(pageId, to);
    return true;
  }

  /** The outbox rows of a page, with how they ended. */
  outboxOf(pageId: string): { personId: string; state: 'sent' | 'dropped' | 'pending' }[] {
    return [...this.outbox.values()]
      .filter((e) => e.effect.pageId === pageId)
      .map((e) => ({ personId: e.effect.personId, state: e.sentAt !== null ? 'sent' : e.droppedAt !== null ? 'dropped' : 'pending' }));
  }

  /** Every effect of a kind the page's committed changes asked for. */
  effectsOf<K extends EscalationEffect['kind']>(pageId: string, kind: K): Extract<EscalationEffect, { kind: K }>[] {
    return this.changes.filter((c) => c.pageId === pageId).flatMap((c) => c.effects.filter((e): e is Extract<EscalationEffect, { kind: K }> => e.kind === kind));
  }

  audits(pageId: string): PageAudit[] {
    return this.changes.filter((c) => c.pageId === pageId && c.audit).map((c) => c.audit!);
  }

  private write(state: PageState, effects: EscalationEffect[], audit: PageAudit | undefined): void {
    this.pages.set(state.id, JSON.stringify(state));
    for (const e of effects) if (e.kind === 'notify' && !this.outbox.has(e.key)) this.outbox.set(e.key, { effect: e, sentAt: null, droppedAt: null });
    this.changes.push({ pageId: state.id, version: state.version, effects, ...(audit ? { audit } : {}) });
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

export class FakeNotifier implements Notifier {
  readonly posts: { channel: string; message: OutgoingMessage; ts: string }[] = [];
  readonly updates: { posted: PostedMessage; message: OutgoingMessage }[] = [];
  readonly dms: { userId: string; message: OutgoingMessage }[] = [];
  /** Channels whose updates fail (a DM with someone who left). */
  readonly failingUpdates = new Set<string>();
  /** When set, the next DM waits for this promise (to hold a send open while something else runs). */
  holdNextDm: Promise<void> | undefined;
  failNextDm = false;
  private ts = 0;

  async post(channel: string, message: OutgoingMessage): Promise<PostedMessage> {
    const ts = `${++this.ts}.000`;
    this.posts.push({ channel, message, ts });
    return { channel: `C-${channel}`, ts };
  }
  async update(posted: PostedMessage, message: OutgoingMessage): Promise<void> {
    if (this.failingUpdates.has(posted.channel)) throw new Error(`cannot update in ${posted.channel}`);
    this.updates.push({ posted, message });
  }
  async dm(userId: string, message: OutgoingMessage): Promise<PostedMessage> {
    const hold = this.holdNextDm;
    this.holdNextDm = undefined;
    if (hold) await hold;
    if (this.failNextDm) {
      this.failNextDm = false;
      throw new Error('slack is down');
    }
    this.dms.push({ userId, message });
    return { channel: `D-${userId}`, ts: `${++this.ts}.000` };
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
export function inMemoryPaging(directory: EscalationDirectory, options: { policy?: EscalationPolicy; hasPager?: boolean } = {}) {
  const pages = new InMemoryPages();
  const notifier = new FakeNotifier();
  const warnings: string[] = [];
  return {
    pages,
    locks: new PageLocks(),
    directoryFor: lookupOf(directory),
    policyFor: () => options.policy ?? TWO_STEPS,
    hasPager: () => options.hasPager ?? false,
    resolvers: () => ({ owners: directory.owners, leads: directory.leads }),
    showPage: (page: PageState) => pageMessage(page, (id) => `<@${id}>`),
    channelFor: (subprojectId: string) => `${subprojectId}-alerts`,
    notifier,
    pager: new FakePager(),
    metrics: new RecordingMetrics(),
    warnings,
    log: { warn: (_details: Record<string, unknown>, message: string) => void warnings.push(message) },
  };
}

/** A page request as `/k8s-infra page registry severity=warning …` makes it. */
export const REQUEST = { subprojectId: 'registry', severity: 'warning', summary: 'image pulls failing', details: 'since 03:05', createdBy: 'nina', key: 'command:T1' } as const;
