import type { InfraConfig } from '../platform/config/schema.ts';
import type { OnCallNow, OnCallService } from './api.ts';
import { prepareRotation } from './domain/prepared-cache.ts';
import type { RotaChanges, Rotation } from './domain/types.ts';

/** Where overrides and swaps come from (the rota wiring passes a DB-backed one). */
export interface RotaChangesSource {
  forRotation(rotationId: string, from: Date, to: Date): Promise<RotaChanges>;
}

type ConfigRotation = InfraConfig['rotations'][number];

/** Config rotations carry `start` as text until the rota schema coerces it; accept either. */
function toRotation(raw: ConfigRotation): Rotation {
  const r = raw as unknown as Omit<Rotation, 'start'> & { start: string | Date };
  return { ...r, start: r.start instanceof Date ? r.start : new Date(r.start) };
}

/** Changes around `at` are enough to answer "who now" and "who next". */
const CHANGES_WINDOW_MS = 60 * 24 * 3_600_000;

/**
 * Who is on call for a subproject: its `rotations` are layers, the first layer with someone on
 * call wins. The secondary follows that layer's rule: `next` is the holder of the next shift,
 * `{ rotation }` the primary of that rotation; nobody when it would be the primary again.
 */
export function createOnCallService(config: InfraConfig, changes?: RotaChangesSource): OnCallService {
  const rotations = new Map<string, Rotation>(config.rotations.map((r) => [r.id, toRotation(r)] as const));
  const subprojects = new Map(config.subprojects.map((s) => [s.id, s] as const));

  async function changesOf(rotationId: string, at: Date): Promise<RotaChanges | undefined> {
    if (!changes) return undefined;
    return changes.forRotation(rotationId, new Date(at.getTime() - CHANGES_WINDOW_MS), new Date(at.getTime() + CHANGES_WINDOW_MS));
  }

  async function primaryOf(rotationId: string, at: Date): Promise<{ person: string; shiftIndex: number } | undefined> {
    const rotation = rotations.get(rotationId);
    if (!rotation) return undefined;
    const hit = prepareRotation(rotation, await changesOf(rotationId, at)).whoIsOnCall(at);
    return hit ? { person: hit.person, shiftIndex: hit.shiftIndex } : undefined;
  }

  async function secondaryOf(rotationId: string, at: Date, primary: { person: string; shiftIndex: number }): Promise<string | undefined> {
    const rotation = rotations.get(rotationId);
    const rule = rotation?.secondary;
    if (!rotation || !rule) return undefined;
    let person: string | undefined;
    if (rule === 'next') {
      const prepared = prepareRotation(rotation, await changesOf(rotationId, at));
      person = prepared.holderOf(primary.shiftIndex + 1)?.person;
    } else {
      person = (await primaryOf(rule.rotation, at))?.person;
    }
    return person === primary.person ? undefined : person;
  }

  return {
    async onCall(subprojectId: string, at: Date): Promise<OnCallNow> {
      const layers = subprojects.get(subprojectId)?.rotations ?? [];
      for (const [layer, rotationId] of layers.entries()) {
        const primary = await primaryOf(rotationId, at);
        if (!primary) continue;
        const secondary = await secondaryOf(rotationId, at, primary);
        return { primary: primary.person, ...(secondary ? { secondary } : {}), rotationId, layer };
      }
      return {};
    },
  };
}
