import { z } from 'zod';
import type { RawConfig } from '../platform/capability.ts';

/** The part of the rota's `rotations:` section paging reads: who is in each rotation. */
const rotationsSchema = z.array(z.looseObject({ id: z.string(), participants: z.array(z.string()) })).catch([]);

/**
 * Everyone in a subproject's rotations (on call now or not), who may answer its pages. Read from
 * the config document the platform loaded and validated, because the rota's api only says who is
 * on call right now; a `participants(subprojectId)` there would replace this.
 */
export function rotationParticipants(config: RawConfig, subprojectRotations: (subprojectId: string) => readonly string[]): (subprojectId: string) => readonly string[] {
  const rotations = rotationsSchema.parse(config.rotations);
  const byId = new Map(rotations.map((r) => [r.id, r.participants] as const));
  return (subprojectId) => [...new Set(subprojectRotations(subprojectId).flatMap((id) => byId.get(id) ?? []))];
}
