import { describe, expect, it } from 'vitest';
import { incidentById, incidentOfChannel, listOpenIncidents } from '../../../src/incidents/use-cases/list-incidents.ts';
import { anIncident, incidentTestDeps, T0 } from '../helpers/fakes.ts';

describe('listing and finding incidents', () => {
  it('lists the open ones oldest first and finds one by channel or id, resolved ones too', async () => {
    const deps = incidentTestDeps();
    deps.incidents.put(anIncident({ id: 'inc-new', channelId: 'C2', declaredAt: new Date(T0.getTime() + 60_000) }));
    deps.incidents.put(anIncident({ id: 'inc-old', channelId: 'C1' }));
    deps.incidents.put(anIncident({ id: 'inc-done', channelId: 'C3', status: 'resolved' }));
    expect((await listOpenIncidents(deps)).map((i) => i.id)).toEqual(['inc-old', 'inc-new']);
    expect((await incidentOfChannel(deps, 'C3'))?.id).toBe('inc-done');
    expect(await incidentOfChannel(deps, 'C9')).toBeUndefined();
    expect((await incidentById(deps, 'inc-new'))?.channelId).toBe('C2');
  });
});
