import type { StaffingReport } from './staffing.ts';

/** What the weekly check remembers of a subproject, to post only what got worse. */
export interface StaffingSnapshot {
  owners: number;
  belowMinimum: boolean;
  /** Companies above the 1/3 share (violations only: bootstrapping warnings are not posted). */
  overShare: string[];
  uncoveredHours: number;
}

export function snapshotOf(r: StaffingReport): StaffingSnapshot {
  return {
    owners: r.owners.length,
    belowMinimum: r.findings.some((f) => f.rule === 'minimum-owners'),
    overShare: r.affiliations.filter((a) => a.overLimit && !r.bootstrapping).map((a) => a.affiliation),
    uncoveredHours: 168 - r.coverage.coveredHours,
  };
}

/**
 * Why a subproject is worth a post this week, or nothing: it dropped below the minimum (or lost
 * another owner while below it), a company newly breaks the 1/3 rule, or its coverage gap grew.
 * With nothing remembered (the first check), what is wrong now is posted, and gaps are only recorded.
 */
export function worsened(previous: StaffingSnapshot | undefined, now: StaffingSnapshot, minimum: number): string[] {
  const reasons: string[] = [];
  if (now.belowMinimum && (!previous || !previous.belowMinimum || now.owners < previous.owners)) reasons.push(`${now.owners} owner${now.owners === 1 ? '' : 's'}, below the charter's ${minimum}`);
  const newShare = now.overShare.filter((c) => !previous?.overShare.includes(c));
  if (newShare.length) reasons.push(`${newShare.join(', ')} above 1/3 of the owners`);
  if (previous && now.uncoveredHours > previous.uncoveredHours) reasons.push(`hours without an owner in working hours grew from ${previous.uncoveredHours} to ${now.uncoveredHours} a week`);
  return reasons;
}
