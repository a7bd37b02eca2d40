import type { PeopleDirectory } from '../../platform/config/people-directory.ts';
import type { RotaModel } from '../rota-model.ts';
import type { ScheduleShiftView } from '../views/rota-schedule.ts';

const WEEK = 7 * 86_400_000;

export interface ListScheduleDeps {
  model: Pick<RotaModel, 'subproject' | 'layerRotations' | 'layers'>;
  people: Pick<PeopleDirectory, 'mention'>;
}

export type ScheduleResult = { kind: 'no-rotation'; name: string } | { kind: 'schedule'; name: string; shifts: ScheduleShiftView[] };

/** `/k8s-infra schedule`: a subproject's effective shifts over the coming weeks, overrides and swaps included. */
export async function listSchedule(deps: ListScheduleDeps, query: { subprojectId: string; weeks: number; now: Date }): Promise<ScheduleResult> {
  const name = deps.model.subproject(query.subprojectId)?.name ?? query.subprojectId;
  const rotations = deps.model.layerRotations(query.subprojectId);
  if (rotations.length === 0) return { kind: 'no-rotation', name };
  const to = new Date(query.now.getTime() + query.weeks * WEEK);
  const layers = await deps.model.layers(query.subprojectId, query.now, to);
  const shifts = layers.shifts(query.now, to).map((s) => ({
    start: s.start,
    end: s.primaryEnd,
    mention: deps.people.mention(s.person),
    why: s.why,
    layer: rotations[s.layer]?.name ?? s.rotationId,
  }));
  return { kind: 'schedule', name, shifts };
}
