import { testConfig } from '../helpers/test-config.ts';
import type { InfraConfig } from '../../src/platform/config/schema.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { startE2E, type E2E } from '../helpers/start-e2e.ts';
import { startFakePagerDuty, type FakePagerDuty } from '../integrations/pagerduty/fake-pagerduty.ts';
import type { SlackEmulator } from '../../src/sandbox/emulator.ts';

export const ROUTING_KEY_ENV = 'PD_ROUTING_KEY_REGISTRY';
export const ROUTING_KEY = 'R0UT1NGKEYREGISTRY0123456789abcd';
export const WEBHOOK_SECRET = 'pd-webhook-secret-0123456789';

/**
 * Tuesday 2026-11-24 03:12Z. Registry's follow-the-sun windows are closed, so its fallback layer
 * answers: nikhita (Asia/Kolkata, 08:42, before her 10:00 start) is primary, bentheelder
 * (America/Los_Angeles, Monday 19:12) secondary. Of the owners, hh (Pacific/Auckland, 16:12) is
 * inside working hours; ameukam (Europe/Paris) and upodroid (Europe/London) are asleep.
 */
export const START = '2026-11-24T03:12:00Z';

/** The real config/infra.yaml, with a PagerDuty routing key env var named for registry. */
export function pagingConfig(): InfraConfig {
  const config = testConfig();
  return {
    ...config,
    // Status checks page down services through the same engine; keep them out of these tests.
    services: config.services.map((s) => ({ ...s, pageOnDown: false, probes: [] })),
    subprojects: config.subprojects.map((s) => (s.id === 'registry' ? { ...s, pagerduty: { routingKeyEnv: ROUTING_KEY_ENV } } : s)),
  };
}

export function pagingEnv(pagerdutyUrl: string): Record<string, string> {
  return { PAGERDUTY_EVENTS_URL: pagerdutyUrl, [ROUTING_KEY_ENV]: ROUTING_KEY, PAGERDUTY_WEBHOOK_SECRET: WEBHOOK_SECRET };
}

export function clockAt(iso = START): ManualClock {
  return new ManualClock(iso);
}

export const SLACK = {
  ameukam: 'U0AMEUKAM',
  nikhita: 'U0NIKHITA',
  bentheelder: 'U0BENTHEE',
  hh: 'U0HHHHHHH',
  upodroid: 'U0UPODROI',
  thockin: 'U0THOCKIN',
  dims: 'U0DIMS001',
  jimangel: 'U0JIMANGE',
  spiffxp: 'U0SPIFFXP',
} as const;

/** Runs due jobs until none are left (jobs enqueue more jobs: notify, sync, pager). */
export async function drain(e2e: E2E): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const ran = await e2e.bot.deps.jobRunner.runDue();
    if (ran === 0) {
      await new Promise((r) => setTimeout(r, 30));
      if ((await e2e.bot.deps.jobRunner.runDue()) === 0) return;
    }
  }
}

export function allText(messages: readonly { text?: string; blocks?: unknown }[]): string {
  return messages.map((m) => `${m.text ?? ''}\n${JSON.stringify(m.blocks ?? [])}`).join('\n');
}

/** The page messages in a person's DM with the bot (other capabilities DM too, e.g. rota handoffs). */
export function pageDms(slack: SlackEmulator, userId: string) {
  return slack.dms(userId).filter((m) => /^\[(PAGE|ACKNOWLEDGED|RESOLVED)\]/.test(m.text));
}

export interface PagingRig {
  e2e: E2E;
  pd: FakePagerDuty;
  clock: ManualClock;
  stop(): Promise<void>;
}

/**
 * The paging e2e rig: a local PagerDuty, the bot and emulator on a ManualClock at START, and the
 * job runner stopped so jobs run only when a test calls drain() (messages stay stale until then,
 * like a slow Slack).
 */
export async function startPagingE2E(): Promise<PagingRig> {
  const pd = await startFakePagerDuty();
  const clock = clockAt();
  const e2e = await startE2E({ clock, slackClock: clock, config: pagingConfig(), env: pagingEnv(pd.url) });
  await e2e.bot.deps.jobRunner.stop();
  return {
    e2e,
    pd,
    clock,
    async stop() {
      await e2e.stop();
      await pd.close();
    },
  };
}
