import type { OnCallNow, OnCallService } from './api.ts';
import type { RotationConfig } from './config.ts';
import { onCallAt } from './domain/on-call-at.ts';
import type { RotaChangesSource, ShadowSource } from './ports.ts';
import type { Subproject } from '../platform/config/sections/subprojects.ts';
import { RotaModel } from './rota-model.ts';

/**
 * The rota api (`ROTA_API`): who is on call for a subproject at an instant, by the one rule
 * (domain/on-call-at.ts) over the config's rotations and the stored changes. Paging and
 * incidents ask it; without `changes` it answers from the rotations alone. Who shadows comes
 * with it (`shadows`), never as primary.
 */
export function createOnCallService(
  config: { rotations: readonly RotationConfig[]; subprojects: readonly Subproject[] },
  changes?: RotaChangesSource,
  shadows?: ShadowSource,
): OnCallService {
  const model = new RotaModel(config.rotations, config.subprojects, changes, shadows);
  return {
    async onCall(subprojectId: string, at: Date): Promise<OnCallNow> {
      const now = onCallAt(await model.layers(subprojectId, at, new Date(at.getTime() + 1)), at);
      const shadowing = await model.shadowsAt(subprojectId, at, [now.primary, now.secondary]);
      return shadowing.length > 0 ? { ...now, shadows: shadowing.map((s) => s.personId) } : now;
    },
  };
}
