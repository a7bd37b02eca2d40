import { staffingReport, type StaffingOptions, type StaffingPerson, type StaffingReport, type StaffingSubproject } from './staffing.ts';

export interface OwnershipChange {
  kind: 'add' | 'remove';
  personId: string;
}

export interface OwnershipEffect {
  before: StaffingReport;
  after: StaffingReport;
  /** What the change does to the charter's rules, said before anything merges. */
  lines: string[];
}

/**
 * The charter's rules before and after adding or removing an owner: the owner count and each
 * company's share, with a company above 1/3 flagged (a warning while bootstrapping).
 */
export function ownershipEffect(subproject: StaffingSubproject, people: readonly StaffingPerson[], change: OwnershipChange, weekStart: Date, options: StaffingOptions = {}): OwnershipEffect {
  const owners = change.kind === 'add' ? [...subproject.owners.filter((o) => o !== change.personId), change.personId] : subproject.owners.filter((o) => o !== change.personId);
  const before = staffingReport(subproject, people, weekStart, options);
  const after = staffingReport({ ...subproject, owners }, people, weekStart, options);
  const shares = after.affiliations.map((a) => `${a.affiliation} ${a.owners.length}/${after.owners.length}${a.overLimit ? (after.bootstrapping ? ' (above 1/3: tolerated while bootstrapping)' : ' (above 1/3: violation)') : ''}`);
  const lines = [
    `Owners: ${before.owners.length} → ${after.owners.length} (the charter asks for at least ${after.minimumOwners})`,
    `Company shares after: ${shares.join(', ') || 'none'}`,
    ...after.findings.filter((f) => f.rule !== 'timezone-coverage').map((f) => `${f.severity === 'violation' ? 'Violation' : 'Warning'}: ${f.message}`),
    `Timezone coverage: ${before.coverage.coveredHours} → ${after.coverage.coveredHours} of 168 UTC hours with an owner in working hours`,
  ];
  return { before, after, lines };
}
