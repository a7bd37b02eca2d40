import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { incidentsModule } from '../../src/incidents/capability.ts';
import { INCIDENTS_IDS } from '../../src/incidents/ids.ts';
import { IncidentRepository } from '../../src/incidents/store/incident-repository.ts';
import { sql } from 'kysely';
import { openDatabase } from '../../src/platform/store/open-database.ts';
import { startHarness } from '../helpers/harness.ts';
import { FakePager, FakeTracker } from '../incidents/helpers/fakes.ts';

const A = INCIDENTS_IDS.actions;
const ARNAUD = 'U0AMEUKAM';

describe('incidents: a form the bot could not save is never dropped silently', () => {
  it('tells the person, in a DM, that the update and the resolution were NOT saved when the database refuses the write after the form closed', async () => {
    const store = await openDatabase({ kind: 'sqlite', path: ':memory:' });
    const e2e = await startHarness({ clock: new ManualClock('2026-11-24T10:12:00Z'), store, capabilities: [incidentsModule({ tracker: new FakeTracker(), pager: new FakePager() })] });
    try {
      const wg = e2e.slack.channelByName('wg-k8s-infra')!;
      await e2e.slack.sendSlashCommand({ userId: ARNAUD, channelId: wg.id, text: 'incident declare' });
      const declare = await e2e.slack.waitFor(() => e2e.slack.topView(ARNAUD));
      await e2e.slack.submitView({ userId: ARNAUD, viewId: declare.id, values: { [A.title]: { [A.title]: 'Registry pulls failing' }, [A.page]: { [A.page]: 'no' } } });
      const repo = new IncidentRepository(store.db);
      let incident = (await repo.listOpen())[0];
      for (let i = 0; i < 300 && !incident?.channelId; i++) {
        await new Promise((r) => setTimeout(r, 20));
        incident = (await repo.listOpen())[0];
      }
      if (!incident?.channelId) throw new Error('no incident');
      const open = async (text: string) => {
        await e2e.slack.sendSlashCommand({ userId: ARNAUD, channelId: incident.channelId!, text });
        return e2e.slack.waitFor(() => e2e.slack.topView(ARNAUD));
      };
      // The database refuses every write while the forms are submitted (reads still answer).
      const writes = (on: boolean) => sql.raw(`pragma query_only = ${on ? 'OFF' : 'ON'}`).execute(store.db);
      const update = await open('incident update');
      await writes(false);
      expect((await e2e.slack.submitView({ userId: ARNAUD, viewId: update.id, values: { [A.status]: { [A.status]: 'identified' }, [A.message]: { [A.message]: 'cdn' } } })).ok).toBe(true);
      await writes(true);
      const resolve = await open('incident resolve');
      await writes(false);
      expect((await e2e.slack.submitView({ userId: ARNAUD, viewId: resolve.id, values: { [A.resolution]: { [A.resolution]: 'cert renewed' } } })).ok).toBe(true);
      const dms = await e2e.slack.waitFor(() => e2e.slack.dms(ARNAUD).length >= 2 && e2e.slack.dms(ARNAUD), { timeoutMs: 8000 });
      await writes(true);
      expect(dms.map((m) => m.text)).toEqual([expect.stringContaining('Your incident update was NOT posted'), expect.stringContaining('The incident was NOT resolved')]);
      expect((await repo.get(incident.id))!.status).toBe('investigating');
    } finally {
      await e2e.stop();
    }
  });
});
