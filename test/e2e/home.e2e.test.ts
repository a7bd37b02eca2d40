import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGING_IDS } from '../../src/escalation/ids.ts';
import { paging } from '../../src/escalation/capability.ts';
import { rota } from '../../src/rota/capability.ts';
import type { SlackView } from '../../src/sandbox/slack-workspace.ts';
import { checkBlocks } from '../../src/sandbox/block-kit-limits.ts';
import { startHarness, type Harness } from '../helpers/harness.ts';
import { testConfig } from '../helpers/test-config.ts';
import { clockAt, pagingConfig, SLACK } from '../escalation/paging-fixture.ts';

const text = (view: SlackView | undefined) => JSON.stringify(view?.blocks ?? []);

/** Every phone number and e-mail address of the config: none may reach a Home tab. */
function privateData(): string[] {
  return testConfig().people.flatMap((p) => [p.email, ...p.alternateEmails, ...(p.phone ? [p.phone] : [])]);
}

describe('the Home tab through the Slack emulator', () => {
  let h: Harness;
  const clock = clockAt();
  beforeAll(async () => {
    // Tuesday 2026-11-24 03:12Z: nikhita holds the registry fallback layer (see paging-fixture.ts).
    h = await startHarness({ capabilities: [rota, paging], config: pagingConfig(), clock, slackClock: clock, manualJobs: true, homeDebounceMs: 20 });
  });
  afterAll(async () => h.stop());

  const openHome = async (userId: string, until: (view: SlackView) => boolean) => {
    const before = h.slack.homeView(userId)?.hash;
    const r = await h.slack.openHome(userId);
    expect(r?.ok).toBe(true);
    return h.slack.waitFor(() => {
      const v = h.slack.homeView(userId);
      return v && v.hash !== before && until(v) ? v : undefined;
    });
  };

  it('a person opens the Home tab and sees their week: shifts in their zone, who is on call for their subprojects, no pages yet', async () => {
    const home = await openHome(SLACK.nikhita, () => true);
    expect(home.type).toBe('home');
    expect(checkBlocks(home.blocks, 'home')).toEqual([]);
    const t = text(home);
    expect(t).toContain('Your week, ');
    expect(t).toContain('Asia/Kolkata');
    expect(t).toMatch(/\*registry\* · Registry fallback: now until [A-Z][a-z]{2} \d+ [A-Z][a-z]{2} \d\d:\d\d/);
    expect(t).toContain('On call now for your subprojects');
    expect(t).toContain('No open pages you are part of.');
    for (const secret of privateData()) expect(t).not.toContain(secret);
  });

  it('a page that notifies them shows on their Home tab with its buttons; Acknowledge there takes it and the tab follows', async () => {
    const channel = h.slack.channelByName('wg-k8s-infra')!.id;
    const cmd = await h.slack.sendSlashCommand({ userId: SLACK.thockin, channelId: channel, text: 'page registry severity=warning registry 503s in eu' });
    expect(cmd.ok).toBe(true);
    await h.drain();

    // The notification republished nikhita's Home tab (nobody opened it again).
    const withPage = await h.slack.waitFor(() => {
      const v = h.slack.homeView(SLACK.nikhita);
      return v && text(v).includes('registry 503s in eu') ? v : undefined;
    });
    expect(text(withPage)).toContain(PAGING_IDS.actions.acknowledge);
    expect(checkBlocks(withPage.blocks, 'home')).toEqual([]);

    const click = await h.slack.clickButton({ userId: SLACK.nikhita, source: { viewId: withPage.id }, actionId: PAGING_IDS.actions.acknowledge });
    expect(click.ok).toBe(true);
    const after = await h.slack.waitFor(() => {
      const v = h.slack.homeView(SLACK.nikhita);
      return v && text(v).includes('*Acknowledged*') ? v : undefined;
    });
    expect(text(after)).not.toContain(PAGING_IDS.actions.acknowledge);
    // The one who raised it sees it too, on theirs.
    const raiser = await openHome(SLACK.thockin, (v) => text(v).includes('registry 503s in eu'));
    expect(text(raiser)).toContain('*Acknowledged*');
  });

  it('someone the config does not know gets a Home tab with nothing private in it', async () => {
    const stranger = h.slack.addUser({ id: 'U0STRANGE', name: 'stranger' });
    const home = await openHome(stranger.id, () => true);
    const t = text(home);
    expect(t).toContain('No open pages you are part of.');
    expect(t).not.toContain('Your shifts');
    for (const secret of privateData()) expect(t).not.toContain(secret);
  });
});
