import type { RawConfig } from '../capability.ts';

export interface ConfigIssue {
  path: (string | number)[];
  message: string;
}

/**
 * Helpers for reference checks that also run on a document that failed the schema, so every error
 * is reported at once: anything malformed is skipped (the schema already reports it).
 */
export type RawEntry = Readonly<Record<string, unknown>>;

export function entries(value: unknown): RawEntry[] {
  return Array.isArray(value) ? value.filter((x): x is RawEntry => x !== null && typeof x === 'object' && !Array.isArray(x)) : [];
}

export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
}

export function idsOf(value: unknown): Set<string> {
  return new Set(entries(value).flatMap((e) => (typeof e.id === 'string' ? [e.id] : [])));
}

/** Duplicate `id`s within one section. */
export function duplicateIds(section: string, value: unknown): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const seen = new Map<string, number>();
  entries(value).forEach((e, i) => {
    if (typeof e.id !== 'string') return;
    if (seen.has(e.id)) issues.push({ path: [section, i, 'id'], message: `duplicate id "${e.id}" (first at index ${seen.get(e.id)})` });
    else seen.set(e.id, i);
  });
  return issues;
}

/** Reports each id in `path` that is not a person of the config. */
export function personCheck(config: RawConfig): (path: (string | number)[], id: unknown) => ConfigIssue[] {
  const people = idsOf(config.people);
  return (path, id) => (typeof id === 'string' && !people.has(id) ? [{ path, message: `unknown person "${id}"` }] : []);
}

/** References between the core sections: people, leads, owners, services and their subprojects. */
export function checkCoreReferences(config: RawConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const person = personCheck(config);
  const subprojects = idsOf(config.subprojects);
  issues.push(...duplicateIds('people', config.people), ...duplicateIds('services', config.services), ...duplicateIds('subprojects', config.subprojects));

  const slackIds = new Map<string, number>();
  entries(config.people).forEach((p, i) => {
    if (typeof p.slack !== 'string') return;
    if (slackIds.has(p.slack)) issues.push({ path: ['people', i, 'slack'], message: `Slack id ${p.slack} is already used by people[${slackIds.get(p.slack)}]` });
    else slackIds.set(p.slack, i);
  });
  strings(config.leads).forEach((id, i) => issues.push(...person(['leads', i], id)));
  entries(config.subprojects).forEach((s, i) => strings(s.owners).forEach((o, j) => issues.push(...person(['subprojects', i, 'owners', j], o))));
  entries(config.services).forEach((s, i) => {
    if (typeof s.subproject === 'string' && !subprojects.has(s.subproject)) issues.push({ path: ['services', i, 'subproject'], message: `unknown subproject "${s.subproject}"` });
  });
  return issues;
}
