import { describe, expect, it } from 'vitest';
import { homeIncidents } from '../../../src/incidents/use-cases/home-incidents.ts';
import { anIncident, ARNAUD, BEN, DIMS } from '../helpers/fakes.ts';
import { MemoryIncidentStore } from '../helpers/memory-incident-store.ts';

describe('homeIncidents', () => {
  it('open incidents the person is in, with their role; resolved ones and others’ are left out', async () => {
    const incidents = new MemoryIncidentStore();
    incidents.put(anIncident({ id: 'inc-1', commander: DIMS, declarer: ARNAUD, roles: { scribe: BEN } }));
    incidents.put(anIncident({ id: 'inc-2', commander: ARNAUD, declarer: ARNAUD }));
    incidents.put(anIncident({ id: 'inc-3', commander: BEN, declarer: BEN, status: 'resolved', resolvedAt: new Date() }));
    const of = async (slackId: string) => (await homeIncidents({ incidents }, { slackUserId: slackId })).map((i) => [i.id, i.roles]);
    expect(await of(BEN)).toEqual([['inc-1', ['scribe']]]);
    expect(await of(ARNAUD)).toEqual([['inc-1', ['declarer']], ['inc-2', ['commander']]]);
    expect(await of(DIMS)).toEqual([['inc-1', ['commander']]]);
    expect(await of('U0NOBODY')).toEqual([]);
  });
});
