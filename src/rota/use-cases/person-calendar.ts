import type { PeopleDirectory } from '../../platform/config/people-directory.ts';
import type { RotaModel } from '../rota-model.ts';
import type { RotaSettings } from '../settings.ts';
import { whyMark, type FeedEvent } from '../views/calendar-feed.ts';

const WEEK = 7 * 86_400_000;

export interface PersonCalendarDeps {
  model: Pick<RotaModel, 'rotaSubprojects' | 'layers'>;
  people: Pick<PeopleDirectory, 'person'>;
  settings: Pick<RotaSettings, 'calendarWeeks'>;
}

export type PersonCalendar = { kind: 'unknown' } | { kind: 'feed'; name: string; events: FeedEvent[] };

/**
 * `GET /calendar/person/<personId>.ics`: one person's on-call time across subprojects, from the
 * effective layers (so overrides and swaps show), from the current shift to `calendarWeeks` ahead.
 */
export async function personCalendar(deps: PersonCalendarDeps, query: { personId: string; now: Date }): Promise<PersonCalendar> {
  const { personId, now } = query;
  const person = deps.people.person(personId);
  if (!person) return { kind: 'unknown' };
  const to = new Date(now.getTime() + deps.settings.calendarWeeks * WEEK);
  const events: FeedEvent[] = [];
  for (const s of deps.model.rotaSubprojects()) {
    const layers = await deps.model.layers(s.id, now, to);
    for (const shift of layers.shifts(now, to)) {
      if (shift.person !== personId) continue;
      events.push({
        uid: `${s.id}-${shift.start.getTime()}-${personId}@k8s-infra-bot`,
        start: shift.start,
        end: shift.primaryEnd,
        summary: `On call: ${s.id}${whyMark(shift.why)}`,
        description: `${person.name} is on call for ${s.name}. /k8s-infra oncall ${s.id} shows who is next.`,
      });
    }
  }
  return { kind: 'feed', name: `On call: ${person.name}`, events };
}
