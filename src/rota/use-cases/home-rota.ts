import { isWithinWorkingHours } from '../../core/working-hours.ts';
import type { PeopleDirectory } from '../../platform/config/people-directory.ts';
import type { HomeViewer } from '../../platform/home/home-contract.ts';
import { onCallAt } from '../domain/on-call-at.ts';
import type { RotaModel } from '../rota-model.ts';
import type { HomeRotaView } from '../views/home-rota.ts';

const WEEK_MS = 7 * 86_400_000;

export interface HomeRotaDeps {
  model: Pick<RotaModel, 'rotaSubprojects' | 'layers' | 'rotations' | 'shadowsAt'>;
  people: Pick<PeopleDirectory, 'person' | 'mention' | 'isOwner'>;
}

/**
 * The rota's part of a person's Home tab: their shifts over the coming week (overrides and swaps
 * applied), each flagged when it starts outside their working hours, and who is on call now for
 * the subprojects they own or rotate in (with who shadows them), and what they shadow themselves.
 * Undefined for someone the config does not know.
 */
export async function homeRota(deps: HomeRotaDeps, viewer: HomeViewer, now: Date): Promise<HomeRotaView | undefined> {
  const person = viewer.personId ? deps.people.person(viewer.personId) : undefined;
  if (!person) return undefined;
  const to = new Date(now.getTime() + WEEK_MS);
  const shadowing: NonNullable<HomeRotaView['shadowing']> = [];
  const view: HomeRotaView = { zone: person.timezone, shifts: [], onCallNow: [], shadowing };
  for (const s of deps.model.rotaSubprojects()) {
    const layers = await deps.model.layers(s.id, now, to);
    for (const shift of layers.shifts(now, to)) {
      if (shift.person !== person.id) continue;
      view.shifts.push({
        subprojectId: s.id,
        rotationName: deps.model.rotations.get(shift.rotationId)?.name ?? shift.rotationId,
        start: shift.start,
        end: shift.primaryEnd,
        current: shift.start <= now,
        outsideWorkingHours: !isWithinWorkingHours(person.workingHours, person.timezone, shift.start > now ? shift.start : now),
        ...(shift.why !== 'rotation' ? { why: shift.why } : {}),
      });
    }
    const onCall = onCallAt(layers, now);
    const shadows = await deps.model.shadowsAt(s.id, now, [onCall.primary, onCall.secondary]);
    const own = shadows.find((x) => x.personId === person.id);
    if (own) shadowing.push({ subprojectId: s.id, name: s.name, until: own.until });
    const mine = deps.people.isOwner(s.id, person.id) || s.rotations.some((r) => deps.model.rotations.get(r)?.participants.includes(person.id));
    if (!mine) continue;
    const others = shadows.filter((x) => x.personId !== person.id);
    view.onCallNow.push({
      subprojectId: s.id,
      name: s.name,
      ...(onCall.primary ? { primary: onCall.primary === person.id ? 'you' : deps.people.mention(onCall.primary) } : {}),
      ...(onCall.secondary ? { secondary: onCall.secondary === person.id ? 'you' : deps.people.mention(onCall.secondary) } : {}),
      ...(others.length > 0 ? { shadows: others.map((x) => ({ mention: deps.people.mention(x.personId), until: x.until })) } : {}),
    });
  }
  view.shifts.sort((a, b) => a.start.getTime() - b.start.getTime());
  return view;
}
