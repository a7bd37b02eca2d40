import { describe, expect, it } from 'vitest';
import { staffingReport, utcWeekStart } from '../../../src/owners/domain/staffing.ts';
import { ownersMessage } from '../../../src/owners/views/owners-report.ts';

const T0 = new Date('2026-11-24T03:12:00Z');

describe('owners report', () => {
  it('owners message marks violations, warnings and gaps', () => {
    const people = [
      { id: 'a', affiliation: 'Company C', timezone: 'America/Los_Angeles', workingHours: { days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const, start: '09:00', end: '17:00' } },
      { id: 'b', affiliation: 'Company C', timezone: 'Europe/Berlin', workingHours: { days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const, start: '09:00', end: '17:00' } },
    ];
    const week = utcWeekStart(T0);
    const reports = [staffingReport({ id: 'apps', owners: ['a', 'b'], bootstrapping: true }, people, week), staffingReport({ id: 'web', owners: ['a', 'b', 'x'] }, people, week)];
    const m = ownersMessage(reports, (id) => `<@${id}>`);
    expect(m.text).toBe('Staffing: apps (violation), web (violation)');
    expect(m).toMatchSnapshot();
  });

});
