import type { PeopleDirectory } from '../../platform/config/people-directory.ts';
import type { RotaModel } from '../rota-model.ts';
import type { RotaSettings } from '../settings.ts';
import { whyMark, type FeedEvent } from '../views/calendar-feed.ts';

const WEEK = 7 * 86_400_000;

export interface RotationCalendarDeps {
  model: Pick<RotaModel, 'rotations' | 'prepared'>;
  people: Pick<PeopleDirectory, 'person'>;
  settings: Pick<RotaSettings, 'calendarWeeks'>;
}

export type RotationCalendar = { kind: 'unknown'; rotationIds: string[] } | { kind: 'feed'; name: string; events: FeedEvent[] };

/** `GET /calendar/<rotation>.ics`: a rotation's shifts, overrides and swaps included, from the current shift to `calendarWeeks` ahead. */
export async function rotationCalendar(deps: RotationCalendarDeps, query: { rotationId: string; now: Date }): Promise<RotationCalendar> {
  const rotation = deps.model.rotations.get(query.rotationId);
  const { now } = query;
  const to = new Date(now.getTime() + deps.settings.calendarWeeks * WEEK);
  const prepared = rotation && (await deps.model.prepared(rotation.id, now, to));
  if (!rotation || !prepared) return { kind: 'unknown', rotationIds: [...deps.model.rotations.keys()] };
  const nameOf = (id: string) => deps.people.person(id)?.name ?? id;
  const events = prepared.shifts(now, to).map((shift) => ({
    uid: `${rotation.id}-${shift.start.getTime()}@k8s-infra-bot`,
    start: shift.start,
    end: shift.primaryEnd,
    summary: `${rotation.name}: ${nameOf(shift.person)}${whyMark(shift.why)}`,
    description: `${nameOf(shift.person)} is on call (${rotation.name}).`,
  }));
  return { kind: 'feed', name: rotation.name, events };
}
