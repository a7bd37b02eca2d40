import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { incidentsModule } from '../../src/incidents/capability.ts';
import { INCIDENTS_IDS } from '../../src/incidents/ids.ts';
import { openDatabase } from '../../src/platform/store/open-database.ts';
import { startHarness, type Harness } from '../helpers/harness.ts';
import { FakePager, FakeTracker } from '../incidents/helpers/fakes.ts';

const A = INCIDENTS_IDS.actions;
const ARNAUD = 'U0AMEUKAM';
const DIMS = 'U0DIMS001';
const WAIT = { timeoutMs: 8000 };

describe('incidents alone, with its tracker and pager given as module options', () => {
  let e2e: Harness;
  const tracker = new FakeTracker();
  const pager = new FakePager();

  beforeAll(async () => {
    // No rota, paging or GitHub: the options stand in for them.
    // An unmigrated store: the bot migrates what its one capability needs.
    const store = await openDatabase({ kind: 'sqlite', path: ':memory:' });
    e2e = await startHarness({ clock: new ManualClock('2026-11-24T10:12:00Z'), store, capabilities: [incidentsModule({ tracker, pager })] });
  });
  afterAll(async () => {
    await e2e.stop();
  });

  it('pages through the given pager, invites who it notified and records on the given tracker', async () => {
    const wg = e2e.slack.channelByName('wg-k8s-infra');
    if (!wg) throw new Error('no #wg-k8s-infra in the emulator');
    await e2e.slack.sendSlashCommand({ userId: ARNAUD, channelId: wg.id, text: 'incident declare' });
    const view = await e2e.slack.waitFor(() => e2e.slack.topView(ARNAUD));
    const r = await e2e.slack.submitView({ userId: ARNAUD, viewId: view.id, values: { [A.title]: { [A.title]: 'Registry down' }, [A.severity]: { [A.severity]: 'SEV1' }, [A.services]: { [A.services]: ['registry'] } } });
    expect(r.ok).toBe(true);
    const channel = await e2e.slack.waitFor(() => e2e.slack.channelByName('inc-20261124-registry-down'), WAIT);
    await e2e.slack.waitFor(() => e2e.slack.channel(channel.id)?.members.includes(DIMS), WAIT);
    expect(pager.raised.map((p) => [p.subprojectId, p.severity, p.summary])).toEqual([['registry', 'SEV1', 'SEV1 incident: Registry down']]);
    await e2e.slack.waitFor(() => tracker.issues[0], WAIT);
    expect(tracker.issues[0]?.title).toBe('[SEV1] Registry down');
  });
});
