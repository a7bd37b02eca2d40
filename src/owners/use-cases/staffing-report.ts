import type { CoreConfig } from '../../platform/config/core-schema.ts';
import { staffingReport, utcWeekStart, type StaffingReport } from '../domain/staffing.ts';

export interface StaffingReportDeps {
  config: Pick<CoreConfig, 'subprojects' | 'people'>;
}

/** `/k8s-infra owners`: the charter's staffing rules over this UTC week, per subproject asked. */
export function staffingReports(deps: StaffingReportDeps, query: { subprojectIds: readonly string[]; now: Date }): StaffingReport[] {
  const people = deps.config.people.map((p) => ({ id: p.id, affiliation: p.affiliation, timezone: p.timezone, workingHours: p.workingHours }));
  const week = utcWeekStart(query.now);
  return query.subprojectIds.flatMap((id) => {
    const s = deps.config.subprojects.find((x) => x.id === id);
    return s ? [staffingReport({ id: s.id, name: s.name, owners: s.owners, bootstrapping: s.bootstrapping }, people, week)] : [];
  });
}
