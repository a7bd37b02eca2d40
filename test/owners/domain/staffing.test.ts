import { describe, expect, it } from 'vitest';
import { staffingReport, timezoneCoverage, utcWeekStart, type StaffingPerson } from '../../../src/owners/domain/staffing.ts';
import { at } from '../../rota/domain/rotation-builders.ts';

const weekdays = { days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const, start: '09:00', end: '17:00' };
const person = (id: string, affiliation: string, timezone: string): StaffingPerson => ({ id, affiliation, timezone, workingHours: { ...weekdays, days: [...weekdays.days] } });

const people: StaffingPerson[] = [
  person('ameukam', 'Independent', 'Europe/Paris'),
  person('bentheelder', 'Google', 'America/Los_Angeles'),
  person('upodroid', 'Independent', 'Europe/London'),
  person('xmudrii', 'Kubermatic', 'Europe/Belgrade'),
  person('dims', 'Amazon', 'America/New_York'),
  person('spiffxp', 'Google', 'America/Los_Angeles'),
  person('thockin', 'google ', 'America/Los_Angeles'),
  person('nikhita', 'Broadcom', 'Asia/Kolkata'),
];
const week = at('2026-01-05T00:00:00Z'); // a Monday

describe('staffingReport', () => {
  it('three owners of three companies: ok, coverage reported as info', () => {
    const report = staffingReport({ id: 'dns', owners: ['bentheelder', 'xmudrii', 'nikhita'] }, people, week);
    expect(report.status).toBe('ok');
    expect(report.findings.map((f) => [f.rule, f.severity])).toEqual([['timezone-coverage', 'info']]);
    expect(report.affiliations.map((a) => [a.affiliation, a.owners.length, a.overLimit])).toEqual([
      ['Broadcom', 1, false],
      ['Google', 1, false],
      ['Kubermatic', 1, false],
    ]);
  });

  it('fewer than three owners is a violation, even while bootstrapping', () => {
    const report = staffingReport({ id: 'dns', owners: ['bentheelder', 'xmudrii'], bootstrapping: true }, people, week);
    expect(report.status).toBe('violation');
    expect(report.findings[0]).toEqual({ rule: 'minimum-owners', severity: 'violation', message: '2 owners; the charter asks for at least 3.' });
  });

  it('a company above 1/3 of owners: violation, or a warning while bootstrapping; names compared loosely', () => {
    const owners = ['bentheelder', 'spiffxp', 'thockin', 'xmudrii', 'dims'];
    const report = staffingReport({ id: 'registry', owners }, people, week);
    expect(report.status).toBe('violation');
    const google = report.affiliations[0]!;
    expect(google).toMatchObject({ affiliation: 'Google', owners: ['bentheelder', 'spiffxp', 'thockin'], share: 0.6, overLimit: true });
    expect(report.findings.find((f) => f.rule === 'affiliation-share')).toEqual({
      rule: 'affiliation-share',
      severity: 'violation',
      message: "Google holds 3 of 5 owners (60%), above the charter's 1/3.",
    });
    const bootstrapping = staffingReport({ id: 'registry', owners, bootstrapping: true }, people, week);
    expect(bootstrapping.status).toBe('warning');
    expect(bootstrapping.findings.find((f) => f.rule === 'affiliation-share')?.severity).toBe('warning');
  });

  it('exactly 1/3 is allowed, and independents are not one company', () => {
    const report = staffingReport({ id: 'x', owners: ['bentheelder', 'spiffxp', 'xmudrii', 'dims', 'nikhita', 'ameukam'] }, people, week);
    expect(report.findings.filter((f) => f.rule === 'affiliation-share')).toEqual([]);
    const independents = staffingReport({ id: 'y', owners: ['ameukam', 'upodroid', 'xmudrii'] }, people, week);
    expect(independents.status).toBe('ok');
    expect(independents.affiliations[0]).toMatchObject({ affiliation: 'Independent', share: 2 / 3, counted: false, overLimit: false });
  });

  it('owners missing from people are reported and not counted', () => {
    const report = staffingReport({ id: 'z', owners: ['bentheelder', 'ghost', 'xmudrii', 'nikhita', 'bentheelder'] }, people, week);
    expect(report.owners).toEqual(['bentheelder', 'xmudrii', 'nikhita']);
    expect(report.unknownOwners).toEqual(['ghost']);
    expect(report.findings[0]).toMatchObject({ rule: 'unknown-owner', severity: 'violation' });
  });
});

describe('timezoneCoverage', () => {
  it('a :30 zone covers exactly its 8 working hours a day', () => {
    const coverage = timezoneCoverage([people.find((p) => p.id === 'nikhita')!], week);
    // 09:00-17:00 IST is 03:30-11:30 UTC: slots 3..10 of each weekday.
    expect(coverage.coveredHours).toBe(40);
    expect(coverage.ownersPerSlot.slice(0, 24)).toEqual([0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('gaps run over the end of the week into its start, and follow DST of the reference week', () => {
    const la = [people.find((p) => p.id === 'bentheelder')!];
    const winter = timezoneCoverage(la, week);
    expect(winter.gaps.map((g) => g.label)).toEqual([
      'Tue 01:00–Tue 17:00 UTC',
      'Wed 01:00–Wed 17:00 UTC',
      'Thu 01:00–Thu 17:00 UTC',
      'Fri 01:00–Fri 17:00 UTC',
      'Sat 01:00–Mon 17:00 UTC',
    ]);
    expect(winter.gaps[4]).toMatchObject({ fromSlot: 121, hours: 64 });
    const summer = timezoneCoverage(la, at('2026-07-06T00:00:00Z'));
    expect(summer.gaps[0]!.label).toBe('Tue 00:00–Tue 16:00 UTC');
  });

  it('nobody at all is one gap of the whole week', () => {
    const report = staffingReport({ id: 'empty', owners: [] }, people, week);
    expect(report.coverage.gaps).toEqual([{ fromSlot: 0, hours: 168, start: week, end: at('2026-01-12T00:00:00Z'), label: 'Mon 00:00–Mon 00:00 UTC' }]);
  });

  it('follow-the-sun owners: the hours nobody holds stand out', () => {
    const owners = ['nikhita', 'xmudrii', 'bentheelder'].map((id) => people.find((p) => p.id === id)!);
    const night = { ...people.find((p) => p.id === 'dims')!, workingHours: { days: ['mon', 'tue', 'wed', 'thu', 'fri'] as ('mon' | 'tue' | 'wed' | 'thu' | 'fri')[], start: '17:00', end: '23:00' } };
    const coverage = timezoneCoverage([...owners, night], week);
    // Monday 00-03 UTC (before Kolkata starts; the evening shift starts on Monday evening) and
    // 16:00 UTC each weekday, between Belgrade's 16:00 close and Los Angeles' 17:00 open.
    expect(coverage.uncoveredSlots.filter((slot) => slot < 120)).toEqual([0, 1, 2, 16, 40, 64, 88, 112]);
  });

  it('utcWeekStart is Monday 00:00 UTC', () => {
    expect(utcWeekStart(at('2026-01-11T23:59:59Z')).toISOString()).toBe('2026-01-05T00:00:00.000Z');
    expect(utcWeekStart(at('2026-01-12T00:00:00Z')).toISOString()).toBe('2026-01-12T00:00:00.000Z');
    expect(utcWeekStart(at('1969-12-31T12:00:00Z')).toISOString()).toBe('1969-12-29T00:00:00.000Z');
  });
});
