import { describe, expect, it } from 'vitest';
import { weekAround, weeklyDigest } from '../../../src/rota/use-cases/weekly-digest.ts';
import { testConfig } from '../../helpers/test-config.ts';
import { memoryRotaDeps, SLACK } from '../helpers/memory-rota.ts';

// Monday 7 Dec 2026, 09:00 Berlin: the weekly digest's firing.
const SLOT = '2026-12-07T08:00:00Z';

describe('weeklyDigest (the oncall-digest report)', () => {
  it('is Monday to Monday in the schedule’s zone', () => {
    expect(weekAround(new Date(SLOT), 'Europe/Berlin')).toEqual({ from: new Date('2026-12-06T23:00:00Z'), to: new Date('2026-12-13T23:00:00Z') });
    expect(weekAround(new Date(SLOT), 'America/Los_Angeles')).toEqual({ from: new Date('2026-12-07T08:00:00Z'), to: new Date('2026-12-14T08:00:00Z') });
  });

  it('lists each rota subproject’s shifts this week with the person’s zone, overrides included', async () => {
    const { deps, store, clock } = memoryRotaDeps(SLOT);
    await store.insertOverride({ id: 'o', subprojectId: 'dns', person: 'upodroid', from: new Date('2026-12-09T00:00:00Z'), to: new Date('2026-12-10T00:00:00Z'), createdBy: 'ameukam' }, clock.now());
    const digest = await weeklyDigest(deps, { now: clock.now(), timezone: 'Europe/Berlin' });
    expect(digest.subprojects.map((s) => s.id)).toEqual(['dns', 'registry', 'clusters', 'storage']);
    const dns = digest.subprojects[0]!;
    expect(dns.shifts.map((s) => [s.start.toISOString(), s.end.toISOString(), s.mention, s.zone, s.why])).toEqual([
      ['2026-12-06T23:00:00.000Z', '2026-12-07T08:00:00.000Z', `<@${SLACK.dims}>`, expect.any(String), 'rotation'],
      ['2026-12-07T08:00:00.000Z', '2026-12-09T00:00:00.000Z', `<@${SLACK.ameukam}>`, 'Europe/Paris', 'rotation'],
      ['2026-12-09T00:00:00.000Z', '2026-12-10T00:00:00.000Z', `<@${SLACK.upodroid}>`, 'Europe/London', 'override'],
      ['2026-12-10T00:00:00.000Z', '2026-12-13T23:00:00.000Z', `<@${SLACK.ameukam}>`, 'Europe/Paris', 'rotation'],
    ]);
    expect(dns.gaps).toEqual([]);
    expect(digest.subprojects[1]!.layered).toBe(true);
  });

  it('finds the stretches nobody covers (a business-hours layer alone)', async () => {
    const config = testConfig();
    config.subprojects = config.subprojects.map((s) => (s.id === 'registry' ? { ...s, rotations: ['registry-emea'] } : s)).filter((s) => s.id === 'registry');
    const { deps, clock } = memoryRotaDeps(SLOT, config);
    const [registry] = (await weeklyDigest(deps, { now: clock.now(), timezone: 'Europe/Berlin' })).subprojects;
    // EMEA hours: 09:00–17:00 London, Monday to Friday; the rest of the week is a gap.
    expect(registry!.shifts).toHaveLength(5);
    expect(registry!.gaps.map((g) => [g.start.toISOString(), g.end.toISOString()])).toEqual([
      ['2026-12-06T23:00:00.000Z', '2026-12-07T09:00:00.000Z'],
      ['2026-12-07T17:00:00.000Z', '2026-12-08T09:00:00.000Z'],
      ['2026-12-08T17:00:00.000Z', '2026-12-09T09:00:00.000Z'],
      ['2026-12-09T17:00:00.000Z', '2026-12-10T09:00:00.000Z'],
      ['2026-12-10T17:00:00.000Z', '2026-12-11T09:00:00.000Z'],
      ['2026-12-11T17:00:00.000Z', '2026-12-13T23:00:00.000Z'],
    ]);
  });
});
