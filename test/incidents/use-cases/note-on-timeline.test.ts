import { describe, expect, it } from 'vitest';
import { noteOnTimeline } from '../../../src/incidents/use-cases/note-on-timeline.ts';
import { anIncident, DIMS, incidentTestDeps } from '../helpers/fakes.ts';

describe('noteOnTimeline (another capability’s line, a contact reveal)', () => {
  it('adds the note to an open incident once per key, audited as the actor', async () => {
    const deps = incidentTestDeps();
    deps.incidents.put(anIncident());
    const note = { incidentId: 'inc-1', key: 'reveal:1', text: "@dims revealed @thockin's phone for inc-1", actorSlackId: DIMS };
    expect(await noteOnTimeline(deps, note, deps.clock.now())).toBe(true);
    expect(await noteOnTimeline(deps, note, deps.clock.now())).toBe(true);
    const notes = (await deps.incidents.timeline('inc-1')).filter((e) => e.kind === 'note');
    expect(notes).toEqual([expect.objectContaining({ actor: DIMS, text: "@dims revealed @thockin's phone for inc-1" })]);
    expect(deps.incidents.audits().filter((a) => a.action === 'incident.noted')).toHaveLength(1);
  });

  it('writes nothing on a resolved or unknown incident', async () => {
    const deps = incidentTestDeps();
    deps.incidents.put(anIncident({ status: 'resolved' }));
    expect(await noteOnTimeline(deps, { incidentId: 'inc-1', key: 'k', text: 'x', actorSlackId: DIMS }, deps.clock.now())).toBe(false);
    expect(await noteOnTimeline(deps, { incidentId: 'nope', key: 'k', text: 'x', actorSlackId: DIMS }, deps.clock.now())).toBe(false);
    expect((await deps.incidents.timeline('inc-1')).filter((e) => e.kind === 'note')).toEqual([]);
  });
});
