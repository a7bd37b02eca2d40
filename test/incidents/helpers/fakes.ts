import { vi } from 'vitest';
import { Registry } from 'prom-client';
import { ManualClock } from '../../../src/core/clock.ts';
import type { DeliveryKey, Notifier, OutgoingMessage, PostedMessage } from '../../../src/core/notifier.ts';
import type { Incident } from '../../../src/incidents/domain/incident.ts';
import type { IncidentActor } from '../../../src/incidents/domain/incident-policy.ts';
import { declareIncident } from '../../../src/incidents/domain/incident-lifecycle.ts';
import type { NewTrackerIssue } from '../../../src/incidents/domain/issue-text.ts';
import { incidentDirectory } from '../../../src/incidents/incident-directory.ts';
import { incidentMetrics } from '../../../src/incidents/incident-metrics.ts';
import { postIncidentMessageJob } from '../../../src/incidents/jobs/post-incident-message.ts';
import type { IncidentChannels } from '../../../src/incidents/ports/incident-channels.ts';
import type { IncidentPager, IncidentPageRequest } from '../../../src/incidents/ports/incident-pager.ts';
import type { IncidentTracker, TrackerIssue } from '../../../src/incidents/ports/incident-tracker.ts';
import type { JobContext } from '../../../src/platform/jobs/define-job.ts';
import type { Once } from '../../../src/platform/outbox/commit-transition.ts';
import type { AuditEntry } from '../../../src/platform/store/audit-log.ts';
import { MemoryIncidentStore } from './memory-incident-store.ts';

export const T0 = new Date('2026-11-24T10:00:00Z');
export const ARNAUD = 'U0AMEUKAM'; // a lead
export const DIMS = 'U0DIMS001';
export const BEN = 'U0BENTHEE'; // not a lead
export const ANNOUNCEMENTS = 'wg-k8s-infra';

/**
 * GitHub issues in memory; `down` refuses every call, as during an outage; `loseNextAnswers`
 * does the next creates or comments and then fails, as when the connection drops after GitHub did it.
 */
export class FakeTracker implements IncidentTracker {
  readonly issues: (NewTrackerIssue & TrackerIssue & { comments: string[]; closed: boolean })[] = [];
  down = false;
  loseNextAnswers = 0;
  readonly searches: { marker: string; labels: readonly string[] }[] = [];

  async createIssue(issue: NewTrackerIssue): Promise<TrackerIssue> {
    this.refuseWhenDown();
    const number = this.issues.length + 1;
    const url = `https://github.com/kubernetes/k8s.io/issues/${number}`;
    this.issues.push({ ...issue, number, url, comments: [], closed: false });
    this.loseAnswer();
    return { number, url };
  }

  async findIssue(marker: string, labels: readonly string[]): Promise<TrackerIssue | undefined> {
    this.refuseWhenDown();
    this.searches.push({ marker, labels });
    const found = this.issues.find((i) => i.body.includes(marker) && labels.every((l) => i.labels.includes(l)));
    return found && { number: found.number, url: found.url };
  }

  async comment(issueNumber: number, body: string): Promise<void> {
    this.refuseWhenDown();
    this.issue(issueNumber).comments.push(body);
    this.loseAnswer();
  }

  async hasComment(issueNumber: number, marker: string): Promise<boolean> {
    this.refuseWhenDown();
    return this.issue(issueNumber).comments.some((c) => c.includes(marker));
  }

  async close(issueNumber: number): Promise<void> {
    this.refuseWhenDown();
    this.issue(issueNumber).closed = true;
  }

  createReviewIssue(issue: NewTrackerIssue): Promise<TrackerIssue> {
    return this.createIssue(issue);
  }

  issue(number: number) {
    const found = this.issues.find((i) => i.number === number);
    if (!found) throw new Error(`no issue #${number}`);
    return found;
  }

  private refuseWhenDown(): void {
    if (this.down) throw new Error('GitHub create issue: HTTP 503 Service Unavailable');
  }

  private loseAnswer(): void {
    if (this.loseNextAnswers <= 0) return;
    this.loseNextAnswers--;
    throw new Error('GitHub create issue: other side closed');
  }
}

/** Pages in memory: one per key, `refuse` makes resolving fail, `acks` are acknowledgements. */
export class FakePager implements IncidentPager {
  readonly raised: IncidentPageRequest[] = [];
  readonly resolved: { pageId: string; by: string }[] = [];
  readonly acks = new Map<string, Date>();
  readonly refuse = new Set<string>();
  onCall: string[] = [DIMS];

  async page(request: IncidentPageRequest): Promise<{ pageId: string; notified: string[] }> {
    if (!this.raised.some((r) => r.key === request.key)) this.raised.push(request);
    return { pageId: `page-${request.subprojectId}`, notified: this.onCall };
  }

  async resolvePage(pageId: string, by: string): Promise<void> {
    if (this.refuse.has(pageId)) throw new Error('not an owner');
    this.resolved.push({ pageId, by });
  }

  async acknowledgedAt(pageId: string): Promise<Date | undefined> {
    return this.acks.get(pageId);
  }
}

/** Slack channels in memory: `taken` names are in use; messages are looked up by ts. */
export class FakeChannels implements IncidentChannels {
  readonly created: { id: string; name: string }[] = [];
  readonly taken = new Set<string>();
  readonly members = new Map<string, Set<string>>();
  readonly pins: { channel: string; ts: string }[] = [];
  readonly messages = new Map<string, { author: string; text: string }>();

  async create(name: string): Promise<{ id: string } | 'name-taken'> {
    if (this.taken.has(name)) return 'name-taken';
    this.taken.add(name);
    const id = `C0INC${this.created.length + 1}`;
    this.created.push({ id, name });
    return { id };
  }

  async findOwn(name: string): Promise<{ id: string } | undefined> {
    const own = this.created.find((c) => c.name === name);
    return own && { id: own.id };
  }

  async invite(channelId: string, users: readonly string[]): Promise<void> {
    const members = this.members.get(channelId) ?? new Set<string>();
    for (const u of users) members.add(u);
    this.members.set(channelId, members);
  }

  async pin(channel: string, ts: string): Promise<void> {
    if (!this.pins.some((p) => p.channel === channel && p.ts === ts)) this.pins.push({ channel, ts });
  }

  async message(_channelId: string, ts: string): Promise<{ author: string; text: string } | undefined> {
    return this.messages.get(ts);
  }
}

/** Every message sent, by kind; posts get increasing timestamps; a keyed post checked first is found, not posted again. */
export class RecordingNotifier implements Notifier {
  readonly posts: { channel: string; message: OutgoingMessage; ts: string; key?: string }[] = [];
  readonly updates: { posted: PostedMessage; message: OutgoingMessage }[] = [];
  readonly dms: { userId: string; message: OutgoingMessage }[] = [];
  readonly ephemerals: { channel: string; userId: string; message: OutgoingMessage }[] = [];

  async post(channel: string, message: OutgoingMessage, delivery?: DeliveryKey): Promise<PostedMessage> {
    const earlier = delivery?.checkFirst ? this.posts.find((p) => p.channel === channel && p.key === delivery.key) : undefined;
    if (earlier) return { channel, ts: earlier.ts };
    const ts = `1764000000.${String(this.posts.length + 1).padStart(6, '0')}`;
    this.posts.push({ channel, message, ts, ...(delivery ? { key: delivery.key } : {}) });
    return { channel, ts };
  }

  async update(posted: PostedMessage, message: OutgoingMessage): Promise<void> {
    this.updates.push({ posted, message });
  }

  async dm(userId: string, message: OutgoingMessage): Promise<PostedMessage> {
    this.dms.push({ userId, message });
    return { channel: `D${userId}`, ts: '1' };
  }

  async ephemeral(channel: string, userId: string, message: OutgoingMessage): Promise<void> {
    this.ephemerals.push({ channel, userId, message });
  }

  async permalink(): Promise<string | undefined> {
    return undefined;
  }

  textsIn(channel: string): string[] {
    return this.posts.filter((p) => p.channel === channel).map((p) => p.message.text);
  }
}

/** `platform.once` in memory. */
export function memoryOnce(): Once & { done: Set<string> } {
  const done = new Set<string>();
  const once: Once = async (key, work) => {
    if (done.has(key)) return 'already-done';
    await work();
    done.add(key);
    return 'done';
  };
  return Object.assign(once, { done });
}

const PEOPLE: Record<string, { name: string; github: string }> = {
  [ARNAUD]: { name: 'Arnaud Meukam', github: 'ameukam' },
  [DIMS]: { name: 'Davanum Srinivas', github: 'dims' },
  [BEN]: { name: 'Benjamin Elder', github: 'BenTheElder' },
};

/** Subproject owners as the config has them (BEN owns the registry; ARNAUD is a lead). */
const OWNERS: Record<string, string[]> = { registry: [BEN, ARNAUD], dns: [DIMS] };
const LEADS = new Set([ARNAUD]);

/** How the policy sees a person on an incident that affects the registry (as `anIncident()` does). */
export function actor(slackId: string, overrides: Partial<IncidentActor> = {}): IncidentActor {
  return { slackId, isLead: LEADS.has(slackId), ownsAffectedService: OWNERS.registry?.includes(slackId) ?? false, ...overrides };
}

/** Everything the incident use cases, jobs and listeners take, in memory; the fakes stay reachable for assertions. */
export function incidentTestDeps() {
  const clock = new ManualClock(T0);
  const incidents = new MemoryIncidentStore();
  const tracker = new FakeTracker();
  const pager = new FakePager();
  const channels = new FakeChannels();
  const notifier = new RecordingNotifier();
  const audits: AuditEntry[] = [];
  const homeRefreshes: string[][] = [];
  const log = { warn: vi.fn(), error: vi.fn() };
  const settings = { repo: 'kubernetes/k8s.io', labels: ['sig/k8s-infra'], reminderMinutes: { SEV1: 30, SEV2: 60, SEV3: 240, SEV4: 1440 } };
  return {
    incidents,
    tracker,
    pager,
    channels,
    notifier,
    // Keyed posts go through the same recorder (its `key` shows which delivery each was).
    deliveries: notifier,
    once: memoryOnce(),
    clock,
    log,
    metrics: incidentMetrics(new Registry()),
    directory: incidentDirectory(
      {
        services: [
          { id: 'registry', name: 'registry.k8s.io', subproject: 'registry' },
          { id: 'dns', name: 'DNS', subproject: 'dns' },
        ],
        outOfScope: [{ id: 'prow', names: ['prow.k8s.io'], sig: 'SIG Testing', channel: 'sig-testing' }],
      },
      { bySlackId: (id) => PEOPLE[id], isLead: (id) => LEADS.has(id), isOwner: (sp, id) => OWNERS[sp]?.includes(id) ?? false },
    ),
    /** Refusals are audited straight to the log, outside any change. */
    audit: { record: async (entry: AuditEntry) => void audits.push(entry) },
    audits,
    settings,
    reminderMinutes: settings.reminderMinutes,
    announcements: ANNOUNCEMENTS,
    knowsPerson: (slackId: string) => slackId in PEOPLE,
    /** Who was asked to have their Home tab republished, per call. */
    homeRefreshes,
    home: { refresh: (who: readonly (string | undefined)[]) => void homeRefreshes.push(who.filter((w): w is string => w !== undefined)) },
  };
}

export type IncidentTestDeps = ReturnType<typeof incidentTestDeps>;

/** The context a job handler gets from the runner. */
export function jobContext(job: { id: string; kind: string; attempts?: number }, now: Date): JobContext {
  return { job: { id: job.id, kind: job.kind, dueAt: now, attempts: job.attempts ?? 1 }, worker: 'test', now, complete: async () => true, signal: new AbortController().signal };
}

/** A declared incident whose set-up has run (channel and pinned summary), as the store holds it. */
export function anIncident(overrides: Partial<Incident> = {}): Incident {
  const { incident } = declareIncident(
    { id: 'inc-1', title: 'Registry pulls failing', severity: 'SEV2', services: ['registry', 'prow'], description: 'EU 503s', commander: ARNAUD, declarer: ARNAUD, page: true },
    T0,
  );
  return { ...incident, channelId: 'C0INC1', channelName: 'inc-20261124-registry-pulls-failing', summaryTs: '1764000000.000001', ...overrides };
}

/**
 * Runs the `incident.post` jobs a change queued (as the runner would right after the commit),
 * once each; returns how many ran. Posts then show in `deps.notifier`, keyed.
 */
export async function deliverPosts(deps: IncidentTestDeps, ran = new Set<string>()): Promise<number> {
  const job = postIncidentMessageJob.bind(deps);
  let n = 0;
  for (const queued of deps.incidents.jobs(postIncidentMessageJob.kind)) {
    if (ran.has(queued.id)) continue;
    ran.add(queued.id);
    await job.run(queued.payload, jobContext({ id: queued.id, kind: queued.kind }, deps.clock.now()));
    n++;
  }
  return n;
}
