import type { ChangeDirectory } from '../change-directory.ts';
import type { Change } from '../domain/change.ts';
import { lazyConsensusDeadline, type Deadline } from '../domain/deadline.ts';
import type { Tier } from '../domain/tier.ts';

/** The deadline of a count starting at `start`, in the working days of the owners of the change's services. */
export function deadlineFor(directory: ChangeDirectory, change: Pick<Change, 'tier' | 'services'>, start: Date): Deadline {
  return lazyConsensusDeadline(start, directory.deadlineDays(change.tier), directory.ownerCalendars(change.services), directory.rules.quietPeriods);
}

/** The earliest deadline a change of `tier` on `services` could get if its issue opened at `start`. */
export function earliestDeadline(directory: ChangeDirectory, services: readonly string[], tier: Tier, start: Date): Date {
  return deadlineFor(directory, { tier, services: [...services] }, start).at;
}
