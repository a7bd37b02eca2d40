import { describe, expect, it } from 'vitest';
import { stableId } from '../../../src/platform/slack/stable-id.ts';
import { declareIncident, type DeclareRequest } from '../../../src/incidents/use-cases/declare-incident.ts';
import { ARNAUD, BEN, incidentTestDeps, T0 } from '../helpers/fakes.ts';

const request: DeclareRequest = { title: ' Registry pulls failing ', severity: 'SEV2', services: ['registry'], description: 'EU 503s', commander: ARNAUD, declarer: BEN, page: true };

describe('declareIncident', () => {
  it('records the incident with its audit entry, set-up, GitHub issue and first reminder in one write', async () => {
    const deps = incidentTestDeps();
    const { incident, created } = await declareIncident(deps, request, 'incident-declare:V1');
    expect(created).toBe(true);
    expect(incident).toMatchObject({ id: stableId('inc-', 'incident-declare:V1'), title: 'Registry pulls failing', status: 'investigating', commander: ARNAUD, acknowledgedAt: null });
    expect(incident.id).toMatch(/^inc-[0-9a-f]{12}$/);
    expect(await deps.incidents.get(incident.id)).toEqual(incident);
    expect((await deps.incidents.timeline(incident.id)).map((e) => e.text)).toEqual([`Declared SEV2 by <@${BEN}>, commander <@${ARNAUD}>`]);
    expect(deps.incidents.audits()).toEqual([
      { at: T0, actor: BEN, action: 'incident.declared', subject: `incident:${incident.id}`, payload: { title: 'Registry pulls failing', severity: 'SEV2', services: ['registry'], commander: ARNAUD, page: true } },
    ]);
    expect(deps.incidents.jobs().map((j) => [j.id, j.kind, j.dueAt.toISOString()])).toEqual([
      [`incident-setup:${incident.id}`, 'incident.setup', T0.toISOString()],
      [`incident-github:${incident.id}:create`, 'incident.github', T0.toISOString()],
      [`incident-reminder:${incident.id}:0:SEV2:0`, 'incident.reminder', '2026-11-24T11:00:00.000Z'],
    ]);
    expect(deps.incidents.jobs('incident.reminder')[0]?.payload).toEqual({ incidentId: incident.id, seq: 0, severity: 'SEV2', nudge: 0 });
  });

  it('finds the first incident when the same submission arrives again, writing nothing more', async () => {
    const deps = incidentTestDeps();
    const first = await declareIncident(deps, request, 'incident-declare:V1');
    deps.clock.advance(5_000);
    const again = await declareIncident(deps, { ...request, title: 'changed' }, 'incident-declare:V1');
    expect(again).toEqual({ incident: first.incident, created: false });
    expect(deps.incidents.jobs()).toHaveLength(3);
    expect(deps.incidents.audits()).toHaveLength(1);
    expect((await declareIncident(deps, request, 'incident-declare:V2')).created).toBe(true);
  });
});
