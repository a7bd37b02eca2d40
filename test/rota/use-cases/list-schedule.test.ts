import { describe, expect, it } from 'vitest';
import { listSchedule } from '../../../src/rota/use-cases/list-schedule.ts';
import { memoryRotaDeps, SLACK } from '../helpers/memory-rota.ts';

const T0 = '2026-11-24T03:12:00Z';

describe('listSchedule', () => {
  it('lists the effective shifts, overrides marked, over the weeks asked', async () => {
    const { deps, store, clock } = memoryRotaDeps(T0);
    await store.insertOverride({ id: 'o', subprojectId: 'dns', person: 'ameukam', from: new Date('2026-11-25T00:00:00Z'), to: new Date('2026-11-26T00:00:00Z'), createdBy: 'ameukam' }, clock.now());
    const r = await listSchedule(deps, { subprojectId: 'dns', weeks: 2, now: clock.now() });
    if (r.kind !== 'schedule') throw new Error(r.kind);
    expect(r.shifts.map((s) => [s.start.toISOString(), s.mention, s.why, s.layer])).toEqual([
      ['2026-11-23T08:00:00.000Z', `<@${SLACK.xmudrii}>`, 'rotation', 'DNS primary'],
      ['2026-11-25T00:00:00.000Z', `<@${SLACK.ameukam}>`, 'override', 'DNS primary'],
      ['2026-11-26T00:00:00.000Z', `<@${SLACK.xmudrii}>`, 'rotation', 'DNS primary'],
      ['2026-11-30T08:00:00.000Z', `<@${SLACK.dims}>`, 'rotation', 'DNS primary'],
      ['2026-12-07T08:00:00.000Z', `<@${SLACK.ameukam}>`, 'rotation', 'DNS primary'],
    ]);
  });

  it('names each layer of a follow-the-sun subproject', async () => {
    const { deps, clock } = memoryRotaDeps(T0);
    const r = await listSchedule(deps, { subprojectId: 'registry', weeks: 1, now: clock.now() });
    expect(r.kind === 'schedule' && new Set(r.shifts.map((s) => s.layer))).toEqual(new Set(['Registry EMEA hours', 'Registry Americas hours', 'Registry fallback']));
  });

  it('answers no-rotation for a subproject without one', async () => {
    const { deps, clock } = memoryRotaDeps(T0);
    expect(await listSchedule(deps, { subprojectId: 'apps', weeks: 4, now: clock.now() })).toEqual({ kind: 'no-rotation', name: 'GAE apps, Cloud Build, BigQuery' });
  });
});
