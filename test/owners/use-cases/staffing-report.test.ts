import { describe, expect, it } from 'vitest';
import { staffingReports } from '../../../src/owners/use-cases/staffing-report.ts';
import { memoryRotaDeps } from '../../rota/helpers/memory-rota.ts';

describe('staffingReports', () => {
  it('reports each subproject asked, in order, against the charter', () => {
    const { deps, clock } = memoryRotaDeps('2026-11-24T03:12:00Z');
    const reports = staffingReports(deps, { subprojectIds: ['test-compute', 'apps', 'nope'], now: clock.now() });
    expect(reports.map((r) => [r.subprojectId, r.status, r.bootstrapping])).toEqual([
      ['test-compute', 'violation', false],
      ['apps', 'warning', true],
    ]);
    expect(reports[0]!.findings.map((f) => f.message).join('\n')).toContain('Company C holds 2 of 3 owners');
  });
});
