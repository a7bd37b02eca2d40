import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { OnCallDeps } from '../platform/app-deps.ts';
import { incidentChannelName } from './domain/channel-name.ts';
import { incidentDurations } from './domain/incident-durations.ts';
import {
  addPinnedMessage, assignRole, changeSeverity, declareIncident, postUpdate, resolveIncident, type DeclareInput, type Transition,
} from './domain/incident-lifecycle.ts';
import type { IncidentPager, IncidentTracker } from './ports/incident-tracker.ts';
import { SEVERITY_INFO, type Incident, type IncidentRole, type IncidentStatus, type Severity, type TimelineEntry } from './domain/incident.ts';
import { incidentIssue, resolutionComment, reviewIssue, updateComment, type IssueTextContext } from './domain/issue-text.ts';
import { mayResolve } from './domain/permissions.ts';
import { reminderDueAt } from './domain/reminder-rule.ts';
import type { IncidentsDatabase, IncidentTables } from './store/tables.ts';
import { IncidentRepository } from './store/incident-repository.ts';
import { claimKey } from '../platform/store/processed-keys.ts';
import type { JobContext } from '../platform/jobs/job-runner.ts';
import type { Job } from '../platform/jobs/jobs.ts';
import {
  declaredAnnouncement, reminderPost, resolvedPost, summaryMessage, updatePost, type IncidentViewContext,
} from './views/incident-messages.ts';
import type { ServiceChoice } from './views/incident-modals.ts';
import type { IncidentMetrics } from './incident-metrics.ts';

export const INCIDENT_JOB_KINDS = {
  setup: 'incident.setup',
  github: 'incident.github',
  reminder: 'incident.reminder',
  closePages: 'incident.close-pages',
} as const;

type GithubJob =
  | { incidentId: string; action: 'create' }
  | { incidentId: string; action: 'comment'; body: string }
  | { incidentId: string; action: 'close' };

interface ReminderJob {
  incidentId: string;
  seq: number;
  severity: Severity;
  nudge: number;
}

export type TransitionOutcome =
  | { ok: true; before: Incident; after: Incident; entries: TimelineEntry[] }
  | { ok: false; reason: string; duplicate?: boolean };

class Conflict extends Error {}

/** Slack API errors carry `data.error` (e.g. `name_taken`). */
function slackError(err: unknown): string | undefined {
  const data = (err as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

/**
 * The incident use-cases: state changes (with timeline, audit and jobs in one transaction) and
 * the outbox jobs that talk to Slack and GitHub. Handlers parse and authorize, then call these.
 */
export class IncidentService {
  readonly repo: IncidentRepository;
  readonly viewContext: IncidentViewContext;
  private readonly issueContext: Omit<IssueTextContext, 'outOfScope' | 'channelUrl'>;

  constructor(
    private readonly deps: OnCallDeps,
    private readonly tracker: IncidentTracker,
    private readonly pager: IncidentPager,
    private readonly metrics: IncidentMetrics,
  ) {
    this.repo = new IncidentRepository(deps.store.db);
    const serviceName = (id: string) =>
      deps.config.services.find((s) => s.id === id)?.name ?? deps.config.outOfScope.find((o) => o.id === id)?.names[0] ?? id;
    this.viewContext = {
      serviceName,
      outOfScope: (i) => deps.config.outOfScope.filter((o) => i.services.includes(o.id)).map((o) => ({ name: o.names[0] ?? o.id, sig: o.sig, channel: o.channel })),
    };
    this.issueContext = {
      serviceName,
      personName: (slackId) => {
        const p = deps.people.bySlackId(slackId);
        return p ? (p.github ? `@${p.github}` : p.name) : slackId;
      },
    };
  }

  serviceChoices(): ServiceChoice[] {
    return [
      ...this.deps.config.services.map((s) => ({ id: s.id, name: s.name })),
      ...this.deps.config.outOfScope.map((o) => ({ id: o.id, name: o.names[0] ?? o.id, ownedBy: o.sig })),
    ];
  }

  private get db() {
    return this.deps.store.db.withTables<IncidentTables>();
  }

  private now(): Date {
    return this.deps.clock.now();
  }

  // ---------- declare ----------

  /** One incident per key (the modal's view id): a retried submission finds the first one. */
  incidentIdFor(key: string): string {
    return `inc-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
  }

  async declare(input: Omit<DeclareInput, 'id'>, key: string): Promise<{ incident: Incident; created: boolean }> {
    const now = this.now();
    const id = this.incidentIdFor(key);
    const { incident, entries } = declareIncident({ ...input, id }, now);
    const created = await this.db.transaction().execute(async (trx) => {
      if (!(await this.repo.insert(incident, trx))) return false;
      for (const e of entries) await this.repo.addTimeline(id, e, trx);
      await this.deps.audit.record(
        { at: now, actor: input.declarer, action: 'incident.declared', subject: `incident:${id}`, payload: { title: incident.title, severity: incident.severity, services: incident.services, commander: incident.commander, page: incident.page } },
        trx,
      );
      await this.deps.jobs.enqueue({ id: `incident-setup:${id}`, kind: INCIDENT_JOB_KINDS.setup, dueAt: now, payload: { incidentId: id } }, now, trx);
      await this.enqueueGithub({ incidentId: id, action: 'create' }, `incident-github:${id}:create`, now, trx);
      await this.enqueueReminder(incident, 0, now, trx);
      return true;
    });
    this.deps.jobRunner.wake();
    return { incident: created ? incident : ((await this.repo.get(id)) ?? incident), created };
  }

  private async enqueueGithub(payload: GithubJob, id: string, now: Date, trx: Transaction<IncidentsDatabase>): Promise<void> {
    await this.deps.jobs.enqueue({ id, kind: INCIDENT_JOB_KINDS.github, dueAt: now, payload }, now, trx);
  }

  private async enqueueReminder(incident: Incident, nudge: number, now: Date, trx: Transaction<IncidentsDatabase>, after?: Date): Promise<void> {
    const payload: ReminderJob = { incidentId: incident.id, seq: incident.updateSeq, severity: incident.severity, nudge };
    const dueAt = reminderDueAt(incident, this.deps.config.incidents.reminderMinutes, after);
    await this.deps.jobs.enqueue(
      { id: `incident-reminder:${incident.id}:${incident.updateSeq}:${incident.severity}:${nudge}`, kind: INCIDENT_JOB_KINDS.reminder, dueAt, payload },
      now,
      trx,
    );
  }

  /** Channel, invitations, pages, pinned summary, announcement: each step is resumable after a crash. */
  async runSetup(job: Job): Promise<void> {
    const { incidentId } = job.payload as { incidentId: string };
    let incident = await this.repo.get(incidentId);
    if (!incident) return;
    const now = this.now();

    if (!incident.channelId) {
      const { id, name } = await this.createChannel(incident);
      await this.repo.setLinks(incidentId, { channelId: id, channelName: name });
      await this.repo.addTimeline(incidentId, { at: now, kind: 'channel', actor: 'system', text: `Channel <#${id}> created` }, this.db, 'channel');
      incident = { ...incident, channelId: id, channelName: name };
    }
    const channelId = incident.channelId as string;

    const invite = new Set([incident.commander, incident.declarer]);
    const subprojects = this.subprojectsOf(incident);
    const wantsPage = incident.page && subprojects.length > 0;
    if (wantsPage) {
      const pages = { ...incident.pages };
      for (const subprojectId of subprojects) {
        const summary = `${incident.severity} incident: ${incident.title}`;
        const details = `${incident.description}\nIncident channel: #${incident.channelName}`.trim();
        const r = await this.pager.page(subprojectId, incident.severity, summary, details, incident.declarer, `incident:${incidentId}:${subprojectId}`);
        for (const u of r.notified) invite.add(u);
        if (!pages[subprojectId]) {
          pages[subprojectId] = r.pageId;
          await this.repo.setLinks(incidentId, { pages });
          await this.repo.addTimeline(incidentId, { at: now, kind: 'page', actor: 'system', text: `Paged the ${subprojectId} on-call${r.notified.length ? ` (${r.notified.map((u) => `<@${u}>`).join(', ')})` : ''}` }, this.db, `page:${subprojectId}`);
        }
      }
      incident = { ...incident, pages };
    }
    await this.invite(channelId, [...invite]);

    if (!incident.summaryTs) {
      const posted = await this.deps.notifier.post(channelId, summaryMessage(incident, await this.repo.timeline(incidentId), this.viewContext));
      await this.repo.setLinks(incidentId, { summaryTs: posted.ts });
      await this.deps.slack.pins.add({ channel: channelId, timestamp: posted.ts }).catch((err: unknown) => {
        if (slackError(err) !== 'already_pinned') throw err;
      });
    }
    if (await claimKey(this.db, `incident-announced:${incidentId}`, now)) {
      await this.deps.notifier.post(this.deps.config.channels.announcements.name, declaredAnnouncement(incident, this.viewContext));
    }
    await this.refreshSummary(incidentId);
  }

  /** Subprojects of the affected services that the group runs (out-of-scope services have none). */
  subprojectsOf(incident: Pick<Incident, 'services'>): string[] {
    const ids = incident.services.map((s) => this.deps.config.services.find((x) => x.id === s)?.subproject).filter((s): s is string => s !== undefined);
    return [...new Set(ids)];
  }

  private async createChannel(incident: Incident): Promise<{ id: string; name: string }> {
    for (let attempt = 1; attempt <= 50; attempt++) {
      const name = incidentChannelName(incident.title, incident.declaredAt, attempt);
      try {
        const r = await this.deps.slack.conversations.create({ name });
        const id = r.channel?.id;
        if (!id) throw new Error('conversations.create returned no channel id');
        return { id, name };
      } catch (err) {
        if (slackError(err) !== 'name_taken') throw err;
      }
    }
    throw new Error(`no free channel name for ${incident.title}`);
  }

  async invite(channelId: string, users: string[]): Promise<void> {
    const wanted = users.filter((u) => /^[UW][A-Z0-9]+$/.test(u));
    if (wanted.length === 0) return;
    try {
      await this.deps.slack.conversations.invite({ channel: channelId, users: wanted.join(',') });
    } catch (err) {
      if (slackError(err) === 'already_in_channel') return;
      // One unknown or deactivated user must not keep the others out.
      if (wanted.length > 1) for (const u of wanted) await this.invite(channelId, [u]).catch(() => undefined);
      else throw err;
    }
  }

  async refreshSummary(incidentId: string): Promise<void> {
    const incident = await this.repo.get(incidentId);
    if (!incident?.channelId || !incident.summaryTs) return;
    const timeline = await this.repo.timeline(incidentId);
    await this.deps.notifier.update({ channel: incident.channelId, ts: incident.summaryTs }, summaryMessage(incident, timeline, this.viewContext));
  }

  // ---------- transitions ----------

  /**
   * Reads, applies a pure transition and writes it with its timeline, audit entry and jobs in one
   * transaction; `key` (from the Slack payload) makes a retried delivery a no-op.
   */
  async transition(
    incidentId: string,
    key: string,
    actor: string,
    action: string,
    make: (i: Incident) => Transition | Promise<Transition>,
    extra?: (after: Incident, trx: Transaction<IncidentsDatabase>, now: Date) => Promise<void>,
    dedupKey?: string,
  ): Promise<TransitionOutcome> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const before = await this.repo.get(incidentId);
      if (!before) return { ok: false, reason: 'No such incident.' };
      const now = this.now();
      const t = await make(before);
      if (!t.ok) return t;
      try {
        const done = await this.db.transaction().execute(async (trx) => {
          if (!(await claimKey(trx, key, now))) return false;
          if (!(await this.repo.saveTransition(before, t.incident, trx))) throw new Conflict();
          for (const e of t.entries) {
            if (!(await this.repo.addTimeline(incidentId, e, trx, dedupKey))) throw new DuplicateEntry();
          }
          await this.deps.audit.record({ at: now, actor, action, subject: `incident:${incidentId}`, payload: { entries: t.entries.map((e) => e.text), status: t.incident.status, severity: t.incident.severity } }, trx);
          await extra?.(t.incident, trx, now);
          return true;
        });
        if (!done) return { ok: false, reason: 'Already done.', duplicate: true };
        this.deps.jobRunner.wake();
        void this.refreshSummary(incidentId).catch((err: unknown) => this.deps.log.warn({ err, incident: incidentId }, 'could not refresh the incident summary'));
        return { ok: true, before, after: t.incident, entries: t.entries };
      } catch (err) {
        if (err instanceof DuplicateEntry) return { ok: false, reason: 'Already on the timeline.', duplicate: true };
        if (!(err instanceof Conflict)) throw err;
      }
    }
    return { ok: false, reason: 'The incident changed while saving; try again.' };
  }

  private async afterUpdate(after: Incident, entry: TimelineEntry, trx: Transaction<IncidentsDatabase>, now: Date): Promise<void> {
    await this.enqueueGithub({ incidentId: after.id, action: 'comment', body: updateComment(entry, this.issueContext) }, `incident-github:${after.id}:comment:${now.getTime()}:${after.updateSeq}:${entry.kind}`, now, trx);
    await this.enqueueReminder(after, 0, now, trx);
  }

  async update(incidentId: string, update: { status: IncidentStatus; message: string; by: string }, key: string): Promise<TransitionOutcome> {
    const r = await this.transition(incidentId, key, update.by, 'incident.updated', (i) => postUpdate(i, update, this.now()), async (after, trx, now) => {
      await this.afterUpdate(after, { at: now, kind: 'update', actor: update.by, text: `*${update.status}*: ${update.message.trim()}` }, trx, now);
    });
    if (r.ok) await this.announce(r.after, r.entries[0] as TimelineEntry, true);
    return r;
  }

  async setRole(incidentId: string, role: IncidentRole, userId: string, by: string, key: string): Promise<TransitionOutcome> {
    const r = await this.transition(incidentId, key, by, 'incident.role_assigned', (i) => assignRole(i, role, userId, by, this.now()));
    if (r.ok) {
      if (r.after.channelId) await this.invite(r.after.channelId, [userId]).catch((err: unknown) => this.deps.log.warn({ err }, 'could not invite'));
      await this.announce(r.after, r.entries[0] as TimelineEntry, false);
    }
    return r;
  }

  async setSeverity(incidentId: string, severity: Severity, by: string, key: string): Promise<TransitionOutcome> {
    const r = await this.transition(incidentId, key, by, 'incident.severity_changed', (i) => changeSeverity(i, severity, by, this.now()), async (after, trx, now) => {
      const entry: TimelineEntry = { at: now, kind: 'severity', actor: by, text: `Severity changed to ${severity}` };
      await this.enqueueGithub({ incidentId: after.id, action: 'comment', body: updateComment(entry, this.issueContext) }, `incident-github:${after.id}:severity:${now.getTime()}:${severity}`, now, trx);
      await this.enqueueReminder(after, 0, now, trx);
    });
    if (r.ok) await this.announce(r.after, r.entries[0] as TimelineEntry, true);
    return r;
  }

  /** A message given the :pushpin: reaction joins the timeline once, however often it is pinned. */
  async pinMessage(incidentId: string, message: { channel: string; ts: string; author: string; text: string }, by: string): Promise<TransitionOutcome> {
    return this.transition(
      incidentId,
      `incident-pin:${message.channel}:${message.ts}:${by}`,
      by,
      'incident.message_pinned',
      (i) => addPinnedMessage(i, { author: message.author, text: message.text }, by, this.now()),
      undefined,
      `pin:${message.ts}`,
    );
  }

  private async announce(incident: Incident, entry: TimelineEntry, toAnnouncements: boolean): Promise<void> {
    try {
      if (incident.channelId) await this.deps.notifier.post(incident.channelId, updatePost(incident, entry, 'channel'));
      if (toAnnouncements) await this.deps.notifier.post(this.deps.config.channels.announcements.name, updatePost(incident, entry, 'announcements'));
    } catch (err) {
      this.deps.log.warn({ err, incident: incident.id }, 'could not post an incident update');
    }
  }

  mayResolve(incident: Incident, userId: string): boolean {
    return mayResolve(incident, userId, (id) => this.deps.people.isLead(id));
  }

  async resolve(incidentId: string, summary: string, by: string, key: string): Promise<TransitionOutcome> {
    const r = await this.transition(
      incidentId,
      key,
      by,
      'incident.resolved',
      async (i) => {
        if (!this.mayResolve(i, by)) return { ok: false, reason: `Only the commander (<@${i.commander}>) or a lead can resolve this incident.` };
        const t = resolveIncident(i, summary, by, this.now());
        if (!t.ok) return t;
        // A page acknowledged before the commander acted acknowledges the incident.
        const acks = await Promise.all(Object.values(i.pages).map((p) => this.pager.acknowledgedAt?.(p).catch(() => undefined)));
        const first = acks.filter((d): d is Date => d !== undefined).sort((a, b) => a.getTime() - b.getTime())[0];
        if (first && (!i.acknowledgedAt || first < i.acknowledgedAt)) t.incident.acknowledgedAt = first;
        return t;
      },
      async (after, trx, now) => {
        await this.enqueueGithub({ incidentId, action: 'close' }, `incident-github:${incidentId}:close`, now, trx);
        if (Object.keys(after.pages).length) {
          await this.deps.jobs.enqueue({ id: `incident-close-pages:${incidentId}`, kind: INCIDENT_JOB_KINDS.closePages, dueAt: now, payload: { incidentId, by } }, now, trx);
        }
      },
    );
    if (r.ok) {
      const d = incidentDurations(r.after);
      const labels = { severity: r.after.severity };
      if (d.toAcknowledge !== undefined) this.metrics.toAcknowledge.observe(labels, d.toAcknowledge);
      if (d.toMitigate !== undefined) this.metrics.toMitigate.observe(labels, d.toMitigate);
      if (d.toResolve !== undefined) this.metrics.toResolve.observe(labels, d.toResolve);
      try {
        if (r.after.channelId) await this.deps.notifier.post(r.after.channelId, resolvedPost(r.after, 'channel'));
        await this.deps.notifier.post(this.deps.config.channels.announcements.name, resolvedPost(r.after, 'announcements'));
      } catch (err) {
        this.deps.log.warn({ err, incident: incidentId }, 'could not post the resolution');
      }
    }
    return r;
  }

  async runClosePages(job: Job): Promise<void> {
    const { incidentId, by } = job.payload as { incidentId: string; by: string };
    const incident = await this.repo.get(incidentId);
    if (!incident) return;
    for (const [subprojectId, pageId] of Object.entries(incident.pages)) {
      try {
        await this.pager.resolvePage(pageId, by);
        await this.repo.addTimeline(incidentId, { at: this.now(), kind: 'note', actor: 'system', text: `Page for ${subprojectId} resolved` }, this.db, `page-resolved:${pageId}`);
      } catch (err) {
        // Not retried: the page engine refused (e.g. a commander who is not an owner); say so.
        await this.repo.addTimeline(incidentId, { at: this.now(), kind: 'note', actor: 'system', text: `Page for ${subprojectId} left open (${(err as Error).message}); an owner or lead should resolve it` }, this.db, `page-resolved:${pageId}`);
      }
    }
    await this.refreshSummary(incidentId);
  }

  // ---------- reminders ----------

  async runReminder(job: Job, ctx: JobContext): Promise<void> {
    const p = job.payload as ReminderJob;
    const incident = await this.repo.get(p.incidentId);
    // A newer update or a severity change superseded this reminder.
    if (!incident || incident.status === 'resolved' || incident.updateSeq !== p.seq || incident.severity !== p.severity || !incident.channelId) return;
    const minutes = Math.round((ctx.now.getTime() - incident.lastUpdateAt.getTime()) / 60_000);
    await this.deps.notifier.post(incident.channelId, reminderPost(incident, minutes));
    await this.db.transaction().execute(async (trx) => {
      await this.repo.addTimeline(incident.id, { at: ctx.now, kind: 'reminder', actor: 'system', text: `Reminded <@${incident.commander}>: no update for ${minutes} min` }, trx, `reminder:${job.id}`);
      await this.enqueueReminder(incident, p.nudge + 1, ctx.now, trx, ctx.now);
      await this.deps.jobs.complete(job.id, ctx.worker, ctx.now, trx);
    });
  }

  // ---------- GitHub outbox ----------

  private issueCtx(incident: Incident): IssueTextContext {
    return { ...this.issueContext, outOfScope: this.viewContext.outOfScope(incident) };
  }

  private async once(key: string, work: () => Promise<void>): Promise<void> {
    const done = await this.db.selectFrom('processed_keys').select('key').where('key', '=', key).executeTakeFirst();
    if (done) return;
    await work();
    await claimKey(this.db, key, this.now());
  }

  async runGithub(job: Job): Promise<void> {
    const p = job.payload as GithubJob;
    const incident = await this.repo.get(p.incidentId);
    if (!incident) return;
    try {
      await this.github(incident, p, job);
    } catch (err) {
      if (p.action === 'create' && job.attempts === 1) {
        // Say once, where people look, that the record is late and why.
        const text = `GitHub did not answer (${(err as Error).message}); the issue will be opened in ${this.deps.config.incidents.repo} when it does`;
        if (await this.repo.addTimeline(incident.id, { at: this.now(), kind: 'issue_delayed', actor: 'system', text }, this.db, 'issue-delayed')) {
          // The set-up job may still be creating the channel; the pinned summary shows the timeline either way.
          const channelId = (await this.repo.get(incident.id))?.channelId;
          if (channelId) await this.deps.notifier.post(channelId, { text: `:warning: ${text}.` }).catch(() => undefined);
          await this.refreshSummary(incident.id).catch(() => undefined);
        }
      }
      throw err;
    }
  }

  private async github(incident: Incident, p: GithubJob, job: Job): Promise<void> {
    const labels = this.deps.config.incidents.labels;
    if (p.action === 'create') {
      if (incident.issueNumber !== null) return;
      const issue = await this.tracker.createIssue(incidentIssue(incident, labels, this.issueCtx(incident)));
      await this.db.transaction().execute(async (trx) => {
        await this.repo.setLinks(incident.id, { issueNumber: issue.number, issueUrl: issue.url }, trx);
        const late = job.attempts > 1 ? ` (after ${job.attempts} attempts)` : '';
        await this.repo.addTimeline(incident.id, { at: this.now(), kind: 'issue', actor: 'system', text: `GitHub issue <${issue.url}|#${issue.number}> opened${late}` }, trx, 'issue');
        await this.deps.audit.record({ at: this.now(), actor: 'system', action: 'incident.issue_opened', subject: `incident:${incident.id}`, payload: { number: issue.number, url: issue.url, attempts: job.attempts } }, trx);
      });
      await this.refreshSummary(incident.id);
      return;
    }
    // Comments and closing wait for the issue; throwing retries them with backoff.
    if (incident.issueNumber === null) throw new Error('the incident issue is not opened yet');
    const number = incident.issueNumber;
    if (p.action === 'comment') {
      await this.once(`${job.id}:done`, () => this.tracker.comment(number, p.body));
      return;
    }
    await this.once(`${job.id}:comment`, () => this.tracker.comment(number, resolutionComment(incident, this.issueContext)));
    await this.once(`${job.id}:closed`, () => this.tracker.close(number));
    if (incident.reviewIssueNumber === null) {
      const timeline = await this.repo.timeline(incident.id);
      const review = await this.tracker.createReviewIssue(reviewIssue(incident, timeline, labels, this.issueCtx(incident)));
      await this.db.transaction().execute(async (trx) => {
        await this.repo.setLinks(incident.id, { reviewIssueNumber: review.number, reviewIssueUrl: review.url }, trx);
        await this.repo.addTimeline(incident.id, { at: this.now(), kind: 'issue', actor: 'system', text: `Issue #${number} closed; post-incident review <${review.url}|#${review.number}> opened` }, trx, 'review');
        await this.deps.audit.record({ at: this.now(), actor: 'system', action: 'incident.review_opened', subject: `incident:${incident.id}`, payload: { number: review.number, url: review.url } }, trx);
      });
      await this.refreshSummary(incident.id);
    }
  }

  defaultPage(severity: Severity, choice: string | undefined): boolean {
    return choice === 'yes' ? true : choice === 'no' ? false : SEVERITY_INFO[severity].pageByDefault;
  }
}

class DuplicateEntry extends Error {}
