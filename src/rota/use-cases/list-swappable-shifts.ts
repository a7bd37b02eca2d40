import type { PeopleDirectory } from '../../platform/config/people-directory.ts';
import type { RotaModel } from '../rota-model.ts';
import { swapOptionValue, type SwapShiftOption } from '../views/rota-swap.ts';

const WEEK = 7 * 86_400_000;
/** How far ahead shifts are offered for a swap. */
export const SWAP_WEEKS = 12;

export interface ListSwappableShiftsDeps {
  model: Pick<RotaModel, 'rotations' | 'prepared'>;
  people: Pick<PeopleDirectory, 'person'>;
}

/**
 * `/k8s-infra swap`: the upcoming shifts (after swaps already agreed) of the rotations the person
 * takes part in, split into theirs and the others', at most 100 of each (a static select's limit).
 */
export async function listSwappableShifts(deps: ListSwappableShiftsDeps, query: { personId: string; now: Date }): Promise<{ mine: SwapShiftOption[]; theirs: SwapShiftOption[] }> {
  const { personId, now } = query;
  const mine: SwapShiftOption[] = [];
  const theirs: SwapShiftOption[] = [];
  const horizon = now.getTime() + SWAP_WEEKS * WEEK;
  for (const rotation of deps.model.rotations.values()) {
    if (!rotation.participants.includes(personId)) continue;
    const p = await deps.model.prepared(rotation.id, now, new Date(horizon));
    if (!p) continue;
    for (let k = Math.max(0, p.schedule.indexAt(now.getTime()) + 1); p.schedule.startOf(k) < horizon && k < 100_000; k++) {
      const holder = p.holderOf(k)?.person;
      if (!holder) continue;
      const option = { value: swapOptionValue(rotation.id, p.shiftStart(k)), rotationName: rotation.name, start: p.shiftStart(k), end: p.shiftStart(k + 1) };
      if (holder === personId) mine.push(option);
      else theirs.push({ ...option, holder: deps.people.person(holder)?.name ?? holder });
    }
  }
  const byStart = (a: SwapShiftOption, b: SwapShiftOption) => a.start.getTime() - b.start.getTime();
  return { mine: mine.sort(byStart).slice(0, 100), theirs: theirs.sort(byStart).slice(0, 100) };
}
