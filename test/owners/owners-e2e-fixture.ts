import { randomBytes } from 'node:crypto';
import { ManualClock } from '../../src/core/clock.ts';
import { paging } from '../../src/escalation/capability.ts';
import { incidents } from '../../src/incidents/capability.ts';
import { owners } from '../../src/owners/capability.ts';
import type { CapabilityModule } from '../../src/platform/capability.ts';
import { rota } from '../../src/rota/capability.ts';
import type { SlackEmulator } from '../../src/sandbox/emulator.ts';
import { startHarness, type Harness, type HarnessOptions } from '../helpers/harness.ts';
import { pagingConfig, ROUTING_KEY, ROUTING_KEY_ENV, START } from '../escalation/paging-fixture.ts';

/** A key of the contact directory, as an operator makes one (`openssl rand -base64 32`). */
export function newContactKey(id = 'k2026'): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}

export const U = {
  ameukam: 'U0AMEUKAM',
  nikhita: 'U0NIKHITA',
  bentheelder: 'U0BENTHEE',
  hh: 'U0HHHHHHH',
  upodroid: 'U0UPODROI',
  thockin: 'U0THOCKIN',
  dims: 'U0DIMS001',
  jimangel: 'U0JIMANGE',
  xmudrii: 'U0XMUDRII',
  spiffxp: 'U0SPIFFXP',
} as const;

export interface OwnersRig {
  h: Harness;
  clock: ManualClock;
  channel: string;
  /** A slash command; the last ephemeral the person got afterwards. */
  command(userId: string, text: string): Promise<{ text: string; blocks?: unknown[]; ts: string; channel: string }>;
  stop(): Promise<void>;
}

/** The rota, paging, incidents and owners on the paging tests' config and clock, jobs run by `drain()`. */
export async function startOwnersE2E(options: Partial<HarnessOptions> & { contactsKey?: string | null; capabilities?: readonly CapabilityModule[] } = {}): Promise<OwnersRig> {
  const clock = new ManualClock(START);
  const key = options.contactsKey === undefined ? newContactKey() : options.contactsKey;
  const h = await startHarness({
    capabilities: options.capabilities ?? [rota, paging, incidents, owners],
    pagerduty: true,
    github: true,
    manualJobs: true,
    clock,
    slackClock: clock,
    config: pagingConfig(),
    ...options,
    env: { [ROUTING_KEY_ENV]: ROUTING_KEY, ...(key ? { CONTACTS_KEY: key } : {}), ...options.env },
  });
  const channel = h.slack.channelByName('wg-k8s-infra')!.id;
  return {
    h,
    clock,
    channel,
    async command(userId, text) {
      const before = h.slack.ephemerals(userId).length;
      const r = await h.slack.sendSlashCommand({ userId, channelId: channel, text });
      if (r.status !== 200) throw new Error(`/k8s-infra ${text}: HTTP ${r.status}`);
      return h.slack.waitFor(() => h.slack.ephemerals(userId).length > before && h.slack.ephemerals(userId).at(-1));
    },
    stop: () => h.stop(),
  };
}

export function textOf(m: { text?: string; blocks?: unknown } | undefined): string {
  return `${m?.text ?? ''}\n${JSON.stringify(m?.blocks ?? [])}`;
}

/** Every message of the workspace, ephemerals included, with who it was shown to. */
export function everyMessage(slack: SlackEmulator): { channel: string; ephemeralFor?: string; ts: string; json: string }[] {
  const seen = new Set<string>();
  const out: { channel: string; ephemeralFor?: string; ts: string; json: string }[] = [];
  const add = (m: { channel: string; ts: string; ephemeral_for?: string }) => {
    const id = `${m.channel}:${m.ts}:${m.ephemeral_for ?? ''}`;
    if (seen.has(id)) return;
    seen.add(id);
    out.push({ channel: m.channel, ts: m.ts, ...(m.ephemeral_for ? { ephemeralFor: m.ephemeral_for } : {}), json: JSON.stringify(m) });
  };
  for (const c of slack.channels()) {
    for (const m of slack.messages(c.id)) {
      add(m);
      for (const r of slack.thread(c.id, m.ts)) add(r);
    }
  }
  for (const u of slack.users()) for (const m of slack.ephemerals(u.id)) add(m);
  return out;
}
