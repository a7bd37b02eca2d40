/**
 * The one on-call rule, through the running bot: an override must not hide the secondary.
 *
 * config/infra.yaml's dns-primary rotates [ameukam, upodroid, xmudrii, dims] weekly with
 * `secondary: next`. In ameukam's week (7–14 Dec 2026) upodroid, the next participant, covers it:
 * upodroid is primary, so the secondary is the next holder who is not the primary, xmudrii. The
 * bot once computed the secondary apart from the tested rule and named nobody, so a `secondary`
 * escalation step notified nobody.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import type { InfraConfig } from '../../src/platform/config/schema.ts';
import type { Harness } from '../helpers/harness.ts';
import { startHarnessWith } from '../rota/helpers/rota-harness.ts';
import { testConfig } from '../helpers/test-config.ts';

// Tuesday 8 Dec 2026, 10:00 UTC: ameukam's DNS week (Mon 7 Dec 08:00Z to Mon 14 Dec 08:00Z); 11:00 for xmudrii in Belgrade.
const T0 = '2026-12-08T10:00:00Z';
const U = { thockin: 'U0THOCKIN', upodroid: 'U0UPODROI', xmudrii: 'U0XMUDRII', ameukam: 'U0AMEUKAM' };

/** The real config, with dns paged by a policy whose only step targets the secondary. */
function secondaryPolicyConfig(): InfraConfig {
  const config = testConfig();
  return {
    ...config,
    services: config.services.map((s) => ({ ...s, pageOnDown: false, probes: [] })),
    escalationPolicies: [...config.escalationPolicies, { id: 'secondary-only', repeat: 0, steps: [{ targets: ['secondary'], delayMinutes: 10 }] }],
    subprojects: config.subprojects.map((s) => (s.id === 'dns' ? { ...s, escalationPolicy: 'secondary-only' } : s)),
  };
}

const text = (m: { text?: string; blocks?: unknown[] } | undefined) => `${m?.text ?? ''}\n${JSON.stringify(m?.blocks ?? [])}`;

describe('the on-call rule with an override in place (upodroid covers ameukam’s week)', () => {
  let h: Harness;
  let channel: string;
  beforeEach(async () => {
    const clock = new ManualClock(T0);
    h = await startHarnessWith(['rota', 'paging'], { clock, slackClock: clock, config: secondaryPolicyConfig(), manualJobs: true });
    channel = h.slack.channelByName('wg-k8s-infra')!.id;
    // upodroid owns dns: the override modal defaults to him, from now to the end of ameukam's shift.
    await h.slack.sendSlashCommand({ userId: U.upodroid, channelId: channel, text: 'override dns' });
    const view = await h.slack.waitFor(() => h.slack.topView(U.upodroid));
    const submitted = await h.slack.submitView({ userId: U.upodroid, viewId: view.id });
    expect(submitted.errors).toBeUndefined();
    await h.slack.waitFor(() => h.slack.dms(U.upodroid).find((m) => m.text?.includes('Override')));
  });
  afterEach(async () => h.stop());

  it('/k8s-infra oncall dns names upodroid as primary and xmudrii as secondary', async () => {
    await h.slack.sendSlashCommand({ userId: U.thockin, channelId: channel, text: 'oncall dns' });
    const reply = text(await h.slack.waitFor(() => h.slack.ephemerals(U.thockin).at(-1)));
    expect(reply).toContain(`On call now: <@${U.upodroid}>`);
    expect(reply).toContain(`Secondary: <@${U.xmudrii}>`);
  });

  it('a page’s secondary step DMs xmudrii', async () => {
    await h.slack.sendSlashCommand({ userId: U.thockin, channelId: channel, text: 'page dns zone pushes failing' });
    await h.slack.waitFor(() => h.slack.ephemerals(U.thockin).find((m) => m.text?.includes('Paged *dns*')));
    await h.drain();
    const pages = (user: string) => h.slack.dms(user).filter((m) => /^\[PAGE\]/.test(m.text ?? ''));
    expect(pages(U.xmudrii)).toHaveLength(1);
    expect(pages(U.upodroid)).toHaveLength(0);
    expect(pages(U.ameukam)).toHaveLength(0);
  });
});
