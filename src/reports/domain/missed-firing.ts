/**
 * What a replica does with a schedule when it starts: the latest firing due by now is compared
 * with the last one the database recorded for the schedule.
 * - `baseline`: the schedule was never recorded (new, or first start): remember now, post nothing;
 * - `none`: nothing was missed;
 * - `post-late` / `skip`: the firing at `slot` was missed while no replica ran; only the latest
 *   missed one counts, so a bot down for three weeks posts one late digest, not three.
 */
export type MissedDecision = { kind: 'baseline' } | { kind: 'none' } | { kind: 'post-late'; slot: Date } | { kind: 'skip'; slot: Date };

export function decideMissed(input: { lastSlot: Date | undefined; latestDue: Date | undefined; missed: 'post-late' | 'skip' }): MissedDecision {
  if (input.lastSlot === undefined) return { kind: 'baseline' };
  if (input.latestDue === undefined || input.latestDue.getTime() <= input.lastSlot.getTime()) return { kind: 'none' };
  return input.missed === 'post-late' ? { kind: 'post-late', slot: input.latestDue } : { kind: 'skip', slot: input.latestDue };
}

/** The key of one firing: the schedule and its slot instant. Every replica derives the same one. */
export function firingKey(schedule: string, slot: Date): string {
  return `report:${schedule}:${slot.toISOString()}`;
}
