import { DateTime } from 'luxon';
import type { PeopleDirectory } from '../../platform/config/people-directory.ts';
import type { RotaModel } from '../rota-model.ts';
import type { DigestSubproject } from '../views/oncall-digest.ts';

export interface WeeklyDigestDeps {
  model: Pick<RotaModel, 'rotaSubprojects' | 'layerRotations' | 'layers'>;
  people: Pick<PeopleDirectory, 'person' | 'mention'>;
}

/** Monday 00:00 to the next Monday 00:00 in `timezone`, around `now`: "this week" as the schedule's readers mean it. */
export function weekAround(now: Date, timezone: string): { from: Date; to: Date } {
  const start = DateTime.fromJSDate(now, { zone: timezone }).startOf('week');
  return { from: start.toJSDate(), to: start.plus({ weeks: 1 }).toJSDate() };
}

/**
 * The `oncall-digest` report's content: for every subproject with a rotation, this week's
 * effective shifts (overrides and swaps included) with each incoming person's timezone, and the
 * stretches with nobody on call.
 */
export async function weeklyDigest(deps: WeeklyDigestDeps, ctx: { now: Date; timezone: string }): Promise<{ from: Date; to: Date; subprojects: DigestSubproject[] }> {
  const { from, to } = weekAround(ctx.now, ctx.timezone);
  const subprojects: DigestSubproject[] = [];
  for (const s of deps.model.rotaSubprojects()) {
    const rotations = deps.model.layerRotations(s.id);
    const layers = await deps.model.layers(s.id, from, to);
    const shifts = layers.shifts(from, to).map((shift) => ({
      start: new Date(Math.max(shift.start.getTime(), from.getTime())),
      end: new Date(Math.min(shift.primaryEnd.getTime(), to.getTime())),
      mention: deps.people.mention(shift.person),
      zone: deps.people.person(shift.person)?.timezone ?? 'UTC',
      why: shift.why,
      layer: rotations[shift.layer]?.name ?? shift.rotationId,
    }));
    const gaps: { start: Date; end: Date }[] = [];
    let cursor = from.getTime();
    for (const shift of shifts) {
      if (shift.start.getTime() > cursor) gaps.push({ start: new Date(cursor), end: shift.start });
      cursor = Math.max(cursor, shift.end.getTime());
    }
    if (cursor < to.getTime()) gaps.push({ start: new Date(cursor), end: to });
    subprojects.push({ id: s.id, name: s.name, layered: rotations.length > 1, shifts, gaps });
  }
  return { from, to, subprojects };
}
