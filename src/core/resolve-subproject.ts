import { closestMatch } from './closest-match.ts';

export type SubprojectLookup = { kind: 'found'; subprojectId: string; via?: string } | { kind: 'unknown'; typed: string; suggestion?: string };

/** What the look-up needs of the config: subprojects, and services with their aliases. */
export interface SubprojectsAndServices {
  subprojects: readonly { id: string }[];
  services: readonly { id: string; subproject: string; aliases: readonly string[] }[];
}

/** A subproject id, or a service id / alias mapped to its subproject (`gcr` → registry). */
export function resolveSubproject(config: SubprojectsAndServices, typed: string): SubprojectLookup {
  const t = typed.trim().toLowerCase();
  const sub = config.subprojects.find((s) => s.id === t);
  if (sub) return { kind: 'found', subprojectId: sub.id };
  const service = config.services.find((s) => s.id === t || s.aliases.some((a) => a.toLowerCase() === t));
  if (service && config.subprojects.some((s) => s.id === service.subproject)) return { kind: 'found', subprojectId: service.subproject, via: service.id };
  const names = [...config.subprojects.map((s) => s.id), ...config.services.flatMap((s) => [s.id, ...s.aliases])];
  const suggestion = closestMatch(t, names);
  return { kind: 'unknown', typed, ...(suggestion ? { suggestion } : {}) };
}
