import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { InfraConfig } from '../platform/config/schema.ts';
import type { PeopleDirectory } from '../platform/config/people-directory.ts';
import type { Notifier } from '../core/notifier.ts';
import type { OnCallService } from '../rota/api.ts';
import type { Contact, EscalationDirectory, Severity } from './domain/directory.ts';
import type { PagerEffect, Transition } from './domain/effects.ts';
import { shouldDeliver } from './domain/effects.ts';
import {
  acknowledge,
  applyExternalPagerEvent,
  defaultMayResolve,
  escalateNow,
  fireStep,
  pagerActionWanted,
  resolve,
  startPage,
  type AcknowledgeResult,
  type EscalateResult,
  type ResolveResult,
} from './domain/escalation-engine.ts';
import { notifyLeadsWhenNobodyOnCall } from './domain/notify-leads-when-nobody-on-call.ts';
import type { ExternalPagerEvent, Pager } from './ports/pager.ts';
import type { PageState } from './domain/page-state.ts';
import type { EscalationPolicy } from './domain/policy-schema.ts';
import { recordPagerOutcome } from './domain/record-pager-outcome.ts';
import type { JobContext } from '../platform/jobs/job-runner.ts';
import type { Job } from '../platform/jobs/jobs.ts';
import type { Jobs } from '../platform/jobs/jobs.ts';
import { PAGE_JOB_KINDS, type AuditInfo, type PageRepository } from './store/page-repository.ts';
import { pageMessage, timelineReplies } from './views/paging-message.ts';
import { PageLocks } from './page-locks.ts';
import type { PagingMetrics } from './paging-metrics.ts';

/** Used when a subproject names no policy (and the config has none). */
export const FALLBACK_POLICY: EscalationPolicy = {
  id: 'fallback',
  repeat: 0,
  steps: [
    { targets: ['primary'], delayMinutes: 10 },
    { targets: ['secondary', 'owners'], delayMinutes: 15 },
    { targets: ['leads'], delayMinutes: 30 },
  ],
};

export interface PageServiceDeps {
  config: InfraConfig;
  people: PeopleDirectory;
  onCall: OnCallService;
  pages: PageRepository;
  jobs: Jobs;
  notifier: Notifier;
  pager: Pager;
  /** Whether a subproject has a usable PagerDuty routing key. */
  hasPager(subprojectId: string): boolean;
  metrics: PagingMetrics;
  log: Logger;
  /** Called after a commit that queued work due now. */
  wake(): void;
}

export interface RaisePageInput {
  subprojectId: string;
  severity: Severity;
  summary: string;
  details?: string;
  /** Person id (or Slack id for someone not in the config). */
  createdBy: string;
  /** Idempotency key from the Slack payload (trigger id, view id): the same key raises one page. */
  key: string;
}

export function pageIdFor(subprojectId: string, key: string): string {
  return `${subprojectId}-${createHash('sha256').update(key).digest('hex').slice(0, 10)}`;
}

/** The page use-cases over the pure escalation core, the page store, jobs, Slack and the pager. */
export class PageService {
  readonly locks = new PageLocks();
  private readonly contacts: Contact[];

  constructor(private readonly deps: PageServiceDeps) {
    this.contacts = deps.config.people.map((p) => ({ id: p.id, slackId: p.slack, timezone: p.timezone, workingHours: p.workingHours }));
  }

  policyFor(subprojectId: string): EscalationPolicy {
    const name = this.deps.config.subprojects.find((s) => s.id === subprojectId)?.escalationPolicy;
    const policies = this.deps.config.escalationPolicies as EscalationPolicy[];
    return policies.find((p) => p.id === name) ?? policies[0] ?? FALLBACK_POLICY;
  }

  /** Resolves who is on call now (async: the rota may read the store) and hands the core a sync look-up. */
  async directoryFor(subprojectId: string, now: Date): Promise<EscalationDirectory> {
    const onCall = await this.deps.onCall.onCall(subprojectId, now);
    const owners = this.deps.config.subprojects.find((s) => s.id === subprojectId)?.owners ?? [];
    return {
      onCall: {
        primary: (id) => (id === subprojectId ? onCall.primary : undefined),
        secondary: (id) => (id === subprojectId ? onCall.secondary : undefined),
      },
      owners,
      leads: this.deps.config.leads,
      people: this.contacts,
    };
  }

  async raise(input: RaisePageInput, now: Date): Promise<{ page: PageState; created: boolean }> {
    const id = pageIdFor(input.subprojectId, input.key);
    const existing = await this.deps.pages.load(id);
    if (existing) return { page: existing, created: false };
    const directory = await this.directoryFor(input.subprojectId, now);
    const started = startPage(
      {
        id,
        subprojectId: input.subprojectId,
        severity: input.severity,
        summary: input.summary,
        details: input.details ?? '',
        createdBy: input.createdBy,
        policy: this.policyFor(input.subprojectId),
        usePager: this.deps.hasPager(input.subprojectId),
      },
      now,
      directory,
    );
    const t = notifyLeadsWhenNobodyOnCall(started, directory, now);
    const created = await this.deps.pages.create(t, now, {
      actor: input.createdBy,
      action: 'page.created',
      payload: { subproject: input.subprojectId, severity: input.severity, summary: input.summary, policy: t.state.policy.id },
    });
    if (created) this.deps.metrics.pages.inc({ subproject: input.subprojectId, severity: input.severity });
    this.deps.wake();
    return { page: created ? t.state : ((await this.deps.pages.load(id)) ?? t.state), created };
  }

  openPages(): Promise<PageState[]> {
    return this.deps.pages.listOpen();
  }

  async acknowledge(pageId: string, by: string, now: Date): Promise<AcknowledgeResult | undefined> {
    const out = await this.locks.with(pageId, () =>
      this.deps.pages.transition(
        pageId,
        now,
        (s) => acknowledge(s, by, now),
        (r) => (r.kind === 'acknowledged' ? { actor: by, action: 'page.acknowledged', payload: { via: 'slack' } } : undefined),
      ),
    );
    if (out?.committed) this.observe(out.result.state);
    this.deps.wake();
    return out?.result;
  }

  async escalate(pageId: string, by: string, now: Date): Promise<EscalateResult | undefined> {
    const before = await this.deps.pages.load(pageId);
    if (!before) return undefined;
    const directory = await this.directoryFor(before.subprojectId, now);
    const out = await this.locks.with(pageId, () =>
      this.deps.pages.transition(
        pageId,
        now,
        (s) => escalateNow(s, now, directory, by),
        (r) => (r.kind === 'escalated' ? { actor: by, action: 'page.escalated', payload: { manual: true, step: r.state.stepIndex + 1, pass: r.state.pass } } : undefined),
      ),
    );
    this.deps.wake();
    return out?.result;
  }

  async resolve(pageId: string, by: string, now: Date): Promise<ResolveResult | undefined> {
    const before = await this.deps.pages.load(pageId);
    if (!before) return undefined;
    const owners = this.deps.config.subprojects.find((s) => s.id === before.subprojectId)?.owners ?? [];
    const may = defaultMayResolve({ owners, leads: this.deps.config.leads });
    const out = await this.locks.with(pageId, () =>
      this.deps.pages.transition(
        pageId,
        now,
        (s) => resolve(s, by, now, may),
        (r) => (r.kind === 'resolved' ? { actor: by, action: 'page.resolved', payload: { via: 'slack' } } : undefined),
      ),
    );
    if (out?.committed) this.observe(out.result.state);
    this.deps.wake();
    return out?.result;
  }

  /**
   * Resolution by another capability acting on its own authority: a status probe that raised the
   * page and saw the service recover, or an incident resolved by its commander. The permission
   * rule for people (acknowledger, owners, leads) does not apply; the reason is on the timeline
   * and in the audit log.
   */
  async resolveOnBehalf(pageId: string, actor: string, reason: string, now: Date): Promise<ResolveResult | undefined> {
    const out = await this.locks.with(pageId, () =>
      this.deps.pages.transition(
        pageId,
        now,
        (s) => resolve(s, actor, now, () => true),
        (r) => (r.kind === 'resolved' ? { actor, action: 'page.resolved', payload: { via: 'system', reason } } : undefined),
      ),
    );
    if (out?.committed) this.observe(out.result.state);
    this.deps.wake();
    return out?.result;
  }

  /** A verified PagerDuty webhook. Unknown pages are ignored (the caller answers 2xx). */
  async applyExternal(event: ExternalPagerEvent, now: Date): Promise<'applied' | 'unchanged' | 'ignored'> {
    const exists = await this.deps.pages.load(event.pageId);
    if (!exists) return 'ignored';
    const out = await this.locks.with(event.pageId, () =>
      this.deps.pages.transition(
        event.pageId,
        now,
        (s) => {
          const r = applyExternalPagerEvent(s, event, now);
          return r.kind === 'applied' ? r.result : { state: s, effects: [] };
        },
        (): AuditInfo => ({ actor: `pagerduty:${event.by}`, action: event.action === 'acknowledge' ? 'page.acknowledged' : 'page.resolved', payload: { via: 'pagerduty', incidentId: event.incidentId, eventId: event.eventId } }),
      ),
    );
    if (!out) return 'ignored';
    if (out.committed) this.observe(out.result.state);
    this.deps.wake();
    return out.committed ? 'applied' : 'unchanged';
  }

  private observe(state: PageState): void {
    const labels = { subproject: state.subprojectId, severity: state.severity };
    const created = Date.parse(state.createdAt);
    if (state.status === 'acknowledged' && state.acknowledgedAt) this.deps.metrics.timeToAcknowledge.observe(labels, (Date.parse(state.acknowledgedAt) - created) / 1000);
    if (state.status === 'resolved' && state.resolvedAt) {
      this.deps.metrics.timeToResolve.observe(labels, (Date.parse(state.resolvedAt) - created) / 1000);
      // A page resolved straight from triggered was never acknowledged: no time to acknowledge.
    }
  }

  // ---------------- jobs ----------------

  async runStepJob(job: Job, ctx: JobContext): Promise<void> {
    const { pageId, stepSeq } = job.payload as { pageId: string; stepSeq: number };
    const page = await this.deps.pages.load(pageId);
    if (!page) return;
    const directory = await this.directoryFor(page.subprojectId, ctx.now);
    await this.deps.pages.transition(
      pageId,
      ctx.now,
      (s) => fireStep(s, ctx.now, directory, { stepSeq }),
      (r): AuditInfo | undefined =>
        r.effects.some((e) => e.kind === 'notify')
          ? { actor: 'system', action: 'page.escalated', payload: { step: r.state.stepIndex + 1, pass: r.state.pass, dueAt: job.dueAt.toISOString() } }
          : r.effects.some((e) => e.kind === 'policy-exhausted')
            ? { actor: 'system', action: 'page.exhausted', payload: { passes: r.state.pass } }
            : undefined,
      async (trx) => {
        await this.deps.jobs.complete(job.id, ctx.worker, ctx.now, trx);
      },
    );
    this.deps.wake();
  }

  async runNotifyJob(job: Job, ctx: JobContext): Promise<void> {
    const { key } = job.payload as { key: string };
    const entry = await this.deps.pages.outboxEntry(key);
    if (!entry || entry.sentAt !== null || entry.droppedAt !== null) return;
    const { effect } = entry;
    await this.locks.with(effect.pageId, async () => {
      let dm: { channel: string; ts: string } | undefined;
      await this.deps.pages.db.transaction().execute(async (trx) => {
        // FOR UPDATE (PostgreSQL): an ack on another replica waits until this send is done.
        const page = await this.deps.pages.load(effect.pageId, trx, true);
        if (!page) return;
        if (!shouldDeliver(page, effect)) {
          if (await this.deps.pages.markOutbox(key, 'dropped', ctx.now, trx)) this.deps.metrics.notifications.inc({ outcome: 'dropped' });
          return;
        }
        if (!(await this.deps.pages.markOutbox(key, 'sent', ctx.now, trx))) return;
        // Sent inside the transaction: a failed send rolls the mark back and the job retries.
        dm = await this.deps.notifier.dm(effect.slackId, pageMessage(page, (id) => this.deps.people.mention(id), this.subprojectName(page.subprojectId)));
        await this.deps.pages.addMessage({ pageId: page.id, channel: dm.channel, ts: dm.ts, kind: 'dm', personId: effect.personId }, ctx.now, trx);
      });
      if (dm) this.deps.metrics.notifications.inc({ outcome: 'sent' });
    });
  }

  async runPagerJob(job: Job, ctx: JobContext): Promise<void> {
    const effect = job.payload as PagerEffect;
    const page = await this.deps.pages.load(effect.alert.pageId);
    if (!page || !pagerActionWanted(page, effect.action)) return;
    const { pager } = this.deps;
    const outcome =
      effect.action === 'trigger' ? await pager.trigger(effect.alert) : await pager[effect.action]({ pageId: effect.alert.pageId, subprojectId: effect.alert.subprojectId });
    this.deps.metrics.pagerCalls.inc({ action: effect.action, outcome: outcome.kind });
    await this.deps.pages.transition(page.id, ctx.now, (s): Transition => recordPagerOutcome(s, effect, outcome, ctx.now));
    this.deps.wake();
  }

  subprojectName(id: string): string | undefined {
    return this.deps.config.subprojects.find((s) => s.id === id)?.name;
  }

  async runPostJob(job: Job, ctx: JobContext): Promise<void> {
    const { pageId } = job.payload as { pageId: string };
    const page = await this.deps.pages.load(pageId);
    if (!page) return;
    const messages = await this.deps.pages.messages(pageId);
    if (!messages.some((m) => m.kind === 'channel')) {
      const channel = this.deps.config.subprojects.find((s) => s.id === page.subprojectId)?.channel ?? this.deps.config.channels.alerts.name;
      const posted = await this.deps.notifier.post(channel, pageMessage(page, (id) => this.deps.people.mention(id), this.subprojectName(page.subprojectId)));
      await this.deps.pages.addMessage({ pageId, channel: posted.channel, ts: posted.ts, kind: 'channel', personId: null }, ctx.now);
    }
    await this.sync(pageId);
  }

  async runSyncJob(job: Job): Promise<void> {
    await this.sync((job.payload as { pageId: string }).pageId);
  }

  /** Brings every message of the page up to date and posts new timeline entries in the channel thread. */
  async sync(pageId: string): Promise<void> {
    const page = await this.deps.pages.load(pageId);
    if (!page) return;
    const messages = await this.deps.pages.messages(pageId);
    const channel = messages.find((m) => m.kind === 'channel');
    if (!channel) return; // the post job syncs once it has posted
    const rendered = pageMessage(page, (id) => this.deps.people.mention(id), this.subprojectName(page.subprojectId));
    for (const m of messages) {
      try {
        await this.deps.notifier.update({ channel: m.channel, ts: m.ts }, rendered);
      } catch (err) {
        this.deps.log.warn({ err, page: pageId, channel: m.channel }, 'could not update a page message');
      }
    }
    const posted = await this.deps.pages.timelinePosted(pageId);
    if (posted >= page.timeline.length) return;
    if (!(await this.deps.pages.claimTimeline(pageId, posted, page.timeline.length))) return;
    for (const text of timelineReplies(page.timeline.slice(posted))) {
      await this.deps.notifier.post(channel.channel, { text, threadTs: channel.ts });
    }
  }
}
