import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import type { Incident } from '../../src/incidents/domain/incident.ts';
import { IncidentRepository } from '../../src/incidents/store/incident-repository.ts';
import { paging } from '../../src/escalation/capability.ts';
import { incidents } from '../../src/incidents/capability.ts';
import { INCIDENTS_IDS } from '../../src/incidents/ids.ts';
import { Jobs } from '../../src/platform/jobs/jobs.ts';
import { openDatabase, type Store } from '../../src/platform/store/open-database.ts';
import { rota } from '../../src/rota/capability.ts';
import type { SlackMessage } from '../../src/sandbox/slack-workspace.ts';
import { startHarness, type Harness } from '../helpers/harness.ts';
import { startTestBot, type TestBot } from '../helpers/start-test-bot.ts';
import type { FakeGithub } from '../integrations/github/fake-github.ts';

const A = INCIDENTS_IDS.actions;
const REPO = 'kubernetes/k8s.io';
const ARNAUD = 'U0AMEUKAM'; // a lead
const CAPABILITIES = [rota, paging, incidents];

/** How many of the bot's keyed posts Slack holds more than once (0: nothing a person saw twice). */
export function doubledPosts(messages: readonly SlackMessage[]): number {
  const seen = new Map<string, number>();
  for (const m of messages) {
    const payload = m.metadata?.event_payload;
    const key = payload && typeof payload === 'object' && !Array.isArray(payload) && typeof payload.key === 'string' ? payload.key : undefined;
    if (key) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen.values()].reduce((n, c) => n + (c - 1), 0);
}

/**
 * Incident deliveries under faults, through the real endpoint, the emulator's Web API faults and
 * the GitHub fake's lost answers: every post, issue and comment once, nothing lost. Jobs run when
 * the test drains them (with the clock moved past each retry's backoff).
 */
describe('incidents: delivered once under faults', () => {
  let e2e: Harness;
  let github: FakeGithub;
  let clock: ManualClock;
  let dir: string;
  let store: Store;
  let repo: IncidentRepository;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'incident-delivery-'));
    clock = new ManualClock('2026-11-24T10:12:00Z');
    store = await openDatabase({ kind: 'sqlite', path: join(dir, 'bot.sqlite') });
    e2e = await startHarness({ clock, store, capabilities: CAPABILITIES, github: { repos: { [REPO]: {} } }, manualJobs: true });
    github = e2e.github!;
    repo = new IncidentRepository(store.db);
  });
  afterEach(() => {
    e2e.slack.faults.clear();
    github.clearFaults();
  });
  afterAll(async () => {
    await e2e.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const wg = () => e2e.slack.channelByName('wg-k8s-infra')!;
  const pending = async () => (await new Jobs(store.db, store.dialect).countByStatus()).pending ?? 0;

  /** Runs due jobs, moving the clock past each backoff, until only the future (reminders) is left. */
  async function settle(bot: { jobRunner: { runDue(): Promise<number> } } = e2e.bot): Promise<void> {
    for (let i = 0; i < 40; i++) {
      await bot.jobRunner.runDue();
      clock.advance(65_000);
      if ((await bot.jobRunner.runDue()) === 0 && i > 2) return;
    }
  }

  async function declare(title: string, extra: Record<string, Record<string, string | string[] | null>> = {}): Promise<Incident> {
    await e2e.slack.sendSlashCommand({ userId: ARNAUD, channelId: wg().id, text: 'incident declare' });
    const view = await e2e.slack.waitFor(() => e2e.slack.topView(ARNAUD));
    const r = await e2e.slack.submitView({ userId: ARNAUD, viewId: view.id, values: { [A.title]: { [A.title]: title }, [A.page]: { [A.page]: 'no' }, ...extra } });
    expect(r.ok).toBe(true);
    await settle();
    const incident = (await repo.listOpen()).find((i) => i.title === title);
    if (!incident) throw new Error(`no incident ${title}`);
    return incident;
  }

  const all = (incident: Incident) => [...e2e.slack.messages(incident.channelId!), ...e2e.slack.messages('wg-k8s-infra')];

  it('posts the summary, announcement, update and resolution once each when every post’s connection drops after Slack accepted it', async () => {
    e2e.slack.faults.acceptThenDrop('chat.postMessage');
    const incident = await declare('Registry pulls failing');
    const r = await e2e.slack.sendSlashCommand({ userId: ARNAUD, channelId: incident.channelId!, text: 'incident update identified bad CDN config' });
    expect(r.ok).toBe(true);
    await settle();
    await e2e.slack.sendSlashCommand({ userId: ARNAUD, channelId: incident.channelId!, text: 'incident resolve CDN config rolled back' });
    await settle();
    const channel = e2e.slack.messages(incident.channelId!);
    const announcements = e2e.slack.messages('wg-k8s-infra');
    expect(channel.filter((m) => m.text.includes('SEV2 incident: Registry pulls failing'))).toHaveLength(1);
    expect(announcements.filter((m) => m.text.includes('incident declared:* Registry pulls failing'))).toHaveLength(1);
    expect(channel.filter((m) => m.text.includes('*identified*: bad CDN config'))).toHaveLength(1);
    expect(announcements.filter((m) => m.text.includes('*identified*: bad CDN config'))).toHaveLength(1);
    expect(channel.filter((m) => m.text.includes('SEV2 resolved'))).toHaveLength(1);
    expect(announcements.filter((m) => m.text.includes('SEV2 resolved'))).toHaveLength(1);
    expect(doubledPosts(all(incident))).toBe(0);
    // Every post was accepted then dropped at least once, and found on its retry.
    expect(e2e.slack.apiCalls.filter((c) => c.method === 'conversations.history').length).toBeGreaterThanOrEqual(6);
    expect(e2e.slack.pins(incident.channelId!)).toHaveLength(1);
    expect((await repo.timeline(incident.id)).map((e) => e.kind)).toEqual(expect.arrayContaining(['declared', 'channel', 'update', 'resolved']));
  });

  it('opens one channel when the create answer is lost', async () => {
    e2e.slack.faults.acceptThenDrop('conversations.create', { times: 1 });
    const before = e2e.slack.channels().length;
    const incident = await declare('DNS answers wrong');
    expect(e2e.slack.channels().filter((c) => c.name.startsWith('inc-20261124-dns-answers-wrong'))).toHaveLength(1);
    expect(e2e.slack.channels()).toHaveLength(before + 1);
    expect(incident.channelName).toBe('inc-20261124-dns-answers-wrong');
  });

  it('opens one GitHub issue, one comment and one review when each create answer is lost (GitHub did it, the connection dropped)', async () => {
    github.failNext({ method: 'POST', path: `/repos/${REPO}/issues`, drop: true });
    const before = github.issues(REPO).length;
    const incident = await declare('Website down');
    const mine = () => github.issues(REPO).filter((i) => i.title.includes('Website down'));
    expect(mine()).toHaveLength(1);
    expect(github.issues(REPO)).toHaveLength(before + 1);
    expect((await repo.get(incident.id))!.issueNumber).toBe(mine()[0]!.number);

    github.failNext({ method: 'POST', path: `/issues/${mine()[0]!.number}/comments`, drop: true });
    await e2e.slack.sendSlashCommand({ userId: ARNAUD, channelId: incident.channelId!, text: 'incident update identified netlify build failing' });
    await settle();
    expect(mine()[0]!.comments.filter((c) => c.includes('netlify build failing'))).toHaveLength(1);

    github.failNext({ method: 'POST', path: `/repos/${REPO}/issues`, drop: true });
    await e2e.slack.sendSlashCommand({ userId: ARNAUD, channelId: incident.channelId!, text: 'incident resolve rebuilt' });
    await settle();
    const reviews = github.issues(REPO).filter((i) => i.title === 'Post-incident review: Website down');
    expect(reviews).toHaveLength(1);
    expect((await repo.get(incident.id))!.reviewIssueNumber).toBe(reviews[0]!.number);
    expect(mine()[0]!.comments.filter((c) => c.includes('**Resolved**'))).toHaveLength(1);
  });

  it('waits out a 429 and posts once; the person’s answer never waits on a held Slack', async () => {
    e2e.slack.faults.rateLimit('chat.postMessage', 30, { times: 1 });
    const incident = (await repo.listOpen()).find((i) => i.title === 'DNS answers wrong')!;
    await e2e.slack.sendSlashCommand({ userId: ARNAUD, channelId: incident.channelId!, text: 'incident update identified stale zone served' });
    await e2e.bot.jobRunner.runDue();
    const has = () => e2e.slack.messages(incident.channelId!).filter((m) => m.text.includes('stale zone served')).length;
    expect(has()).toBe(0);
    clock.advance(10_000);
    await e2e.bot.jobRunner.runDue();
    // Not before Slack's Retry-After (30 s; the other post of the update went through).
    expect(has()).toBe(0);
    clock.advance(25_000);
    await e2e.bot.jobRunner.runDue();
    expect(has()).toBe(1);

    // Slack holds every post: commands are still answered at once.
    e2e.slack.faults.hold('chat.postMessage');
    await e2e.slack.sendSlashCommand({ userId: ARNAUD, channelId: incident.channelId!, text: 'incident update monitoring zone re-pushed' });
    const draining = e2e.bot.jobRunner.runDue();
    await e2e.slack.waitFor(() => e2e.slack.faults.heldCount('chat.postMessage') > 0);
    const started = performance.now();
    const list = await e2e.slack.sendSlashCommand({ userId: ARNAUD, channelId: wg().id, text: 'incident list' });
    expect(list.ok).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(e2e.slack.ephemerals(ARNAUD, wg().id).at(-1)?.text).toMatch(/open incident/);
    e2e.slack.faults.clear();
    e2e.slack.faults.releaseHeld();
    await draining;
    await settle();
    expect(e2e.slack.messages(incident.channelId!).filter((m) => m.text.includes('zone re-pushed'))).toHaveLength(1);
    expect(doubledPosts(all(incident))).toBe(0);
  });

  it('after a restart, a post whose connection dropped is found, not posted again', async () => {
    const incident = (await repo.listOpen()).find((i) => i.title === 'DNS answers wrong')!;
    e2e.slack.faults.acceptThenDrop('chat.postMessage', { times: 2 });
    await e2e.slack.sendSlashCommand({ userId: ARNAUD, channelId: incident.channelId!, text: 'incident update identified resolver cache poisoned' });
    await e2e.bot.jobRunner.runDue();
    const posted = () => e2e.slack.messages(incident.channelId!).filter((m) => m.text.includes('resolver cache poisoned')).length;
    expect(posted()).toBe(1);
    // The bot goes away with the posts' jobs failed once; another process takes over the same database.
    let next: TestBot | undefined;
    try {
      const reopened = await openDatabase({ kind: 'sqlite', path: join(dir, 'bot.sqlite') });
      next = await startTestBot({ clock, store: reopened, config: e2e.config, slackApiUrl: e2e.slack.apiUrl, capabilities: CAPABILITIES, replicaId: 'second', env: e2e.github ? { GITHUB_API_URL: github.url, GITHUB_TOKEN: 'ghp-test-token-0123456789' } : {} });
      await next.jobRunner.stop();
      clock.advance(65_000);
      await settle(next);
      expect(posted()).toBe(1);
      expect(e2e.slack.messages('wg-k8s-infra').filter((m) => m.text.includes('resolver cache poisoned'))).toHaveLength(1);
      expect(doubledPosts(all(incident))).toBe(0);
      expect(await pending()).toBeGreaterThan(0); // reminders stay scheduled
    } finally {
      await next?.stop();
    }
  });
});
