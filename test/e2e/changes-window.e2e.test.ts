import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changes } from '../../src/changes/capability.ts';
import { CHANGE_BLOCKS as B, CHANGES_IDS } from '../../src/changes/ids.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { incidentsModule } from '../../src/incidents/capability.ts';
import { INCIDENTS_IDS } from '../../src/incidents/ids.ts';
import { startHarness, type Harness } from '../helpers/harness.ts';
import { FakePager, FakeTracker } from '../incidents/helpers/fakes.ts';
import { changesTestConfig, seedSigs, settle } from '../changes/helpers/e2e-setup.ts';

const A = CHANGES_IDS.actions;
const I = INCIDENTS_IDS.actions;
const BEN = 'U0BENTHEE'; // the author
const JIM = 'U0JIMANGE';
const WAIT = { timeoutMs: 8000 };

describe('a change window on a service with an open incident (the incidents capability’s api)', () => {
  let e2e: Harness;
  let clock: ManualClock;

  beforeAll(async () => {
    clock = new ManualClock('2026-07-06T09:00:00Z');
    const config = changesTestConfig();
    e2e = await startHarness({ clock, config, capabilities: [incidentsModule({ tracker: new FakeTracker(), pager: new FakePager() }), changes], manualJobs: true });
    seedSigs(e2e.slack, config);
  });
  afterAll(async () => {
    await e2e.stop();
  });

  it('announces the window with the incident flagged, and lets the author say it was rolled back', async () => {
    const wg = e2e.slack.channelByName('wg-k8s-infra')!;
    // A low-risk change on the GKE clusters, approved, its window in an hour.
    await e2e.slack.sendSlashCommand({ userId: BEN, channelId: wg.id, text: 'change' });
    const form = await e2e.slack.waitFor(() => e2e.slack.topView(BEN), WAIT);
    const r = await e2e.slack.submitView({
      userId: BEN,
      viewId: form.id,
      values: {
        [B.title]: { [A.title]: 'Resize the prow-build node pool' },
        [B.description]: { [A.description]: 'From 30 to 40 nodes.' },
        [B.services]: { [A.services]: ['gke'] },
        [B.windowDate]: { [A.windowDate]: '2026-07-06' },
        [B.windowTime]: { [A.windowTime]: '03:00' }, // Los Angeles: 10:00 UTC
        [B.workflows]: { [A.workflows]: 'no' },
        [B.rollbackEase]: { [A.rollbackEase]: 'easy' },
        [B.reach]: { [A.reach]: 'few' },
      },
    });
    expect(r.errors).toBeUndefined();
    await settle(e2e.drain, clock);
    const main = e2e.slack.messages('wg-k8s-infra').find((m) => m.text.startsWith('Low-risk change'))!;
    await e2e.slack.clickButton({ userId: JIM, source: { messageTs: main.ts, channelId: main.channel }, actionId: A.approve });
    await e2e.slack.waitFor(() => e2e.slack.ephemerals(JIM).some((m) => m.text.includes('approval is recorded')), WAIT);
    await settle(e2e.drain, clock);
    expect(e2e.slack.thread('wg-k8s-infra', main.ts).some((m) => m.text.includes('*Cleared*'))).toBe(true);
    // Low risk: no issue, no notice.
    expect(e2e.slack.thread('wg-k8s-infra', main.ts).some((m) => m.text.includes('Lazy-consensus issue'))).toBe(false);

    // Meanwhile an incident is declared on the clusters.
    await e2e.slack.sendSlashCommand({ userId: JIM, channelId: wg.id, text: 'incident declare' });
    const declare = await e2e.slack.waitFor(() => e2e.slack.topView(JIM)?.callback_id === INCIDENTS_IDS.callbacks.declare && e2e.slack.topView(JIM), WAIT);
    await e2e.slack.submitView({ userId: JIM, viewId: declare.id, values: { [I.title]: { [I.title]: 'prow-build nodes NotReady' }, [I.severity]: { [I.severity]: 'SEV3' }, [I.services]: { [I.services]: ['gke'] } } });
    await settle(e2e.drain, clock);

    clock.set('2026-07-06T10:00:00Z');
    await settle(e2e.drain, clock);
    const window = await e2e.slack.waitFor(() => e2e.slack.messages('wg-k8s-infra').find((m) => m.text.startsWith('Change window open')), WAIT);
    expect(window.text).toContain('(1 warning)');
    expect(JSON.stringify(window.blocks)).toContain(':warning: open SEV3 incident on gke: prow-build nodes NotReady');
    expect(e2e.slack.messages('sig-testing').some((m) => m.text.startsWith('Change window open'))).toBe(true);

    await e2e.slack.clickButton({ userId: BEN, source: { messageTs: window.ts, channelId: window.channel }, actionId: A.rolledBack });
    await e2e.slack.waitFor(() => e2e.slack.ephemerals(BEN).some((m) => m.text.includes('Marked rolled back')), WAIT);
    await settle(e2e.drain, clock);
    expect(e2e.slack.thread('wg-k8s-infra', main.ts).some((m) => m.text.includes('*rolled back* the change'))).toBe(true);
    // Finished: its buttons are gone from the message.
    const updated = e2e.slack.messages('wg-k8s-infra').find((m) => m.ts === main.ts)!;
    expect(JSON.stringify(updated.blocks)).not.toContain(A.approve);
  });
});
