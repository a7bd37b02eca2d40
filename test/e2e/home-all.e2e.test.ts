import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/harness.ts';
import { clockAt, SLACK } from '../escalation/paging-fixture.ts';

describe('the Home tab of the whole bot', () => {
  let h: Harness;
  const clock = clockAt();
  beforeAll(async () => {
    h = await startHarness({ github: true, clock, slackClock: clock, homeDebounceMs: 20 });
  });
  afterAll(async () => h.stop());

  it('every capability’s section loads, in CAPABILITIES order, each under its header; the empty ones are left out', async () => {
    await h.slack.openHome(SLACK.ameukam);
    const view = await h.slack.waitFor(() => h.slack.homeView(SLACK.ameukam));
    const headers = view.blocks.flatMap((b) => (b.type === 'header' ? [(b.text as { text: string }).text] : []));
    expect(headers).toEqual(['Your week, Arnaud Meukam', 'On call', 'Pages', 'Incidents']);
    const text = JSON.stringify(view.blocks);
    expect(text).not.toContain('could not load');
    // ameukam holds clusters and storage now (Europe/Paris, 04:12: outside working hours).
    expect(text).toContain('• *clusters* · GKE clusters primary: now until Mon 30 Nov 18:00 GMT+1 · :crescent_moon: now outside your working hours');
    expect(text).toContain('• *registry* · Registry EMEA hours: Mon 30 Nov 10:00 GMT+1 → Mon 30 Nov 18:00 GMT+1"');
  });
});
