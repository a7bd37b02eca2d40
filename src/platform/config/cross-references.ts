import type { InfraConfig } from './schema.ts';

export interface ConfigIssue {
  path: (string | number)[];
  message: string;
}

/** References between sections that a schema cannot see: every one that dangles is reported. */
export function checkCrossReferences(input: InfraConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  // Also run on a document that failed the schema, so every error is reported at once:
  // anything malformed is skipped here (the schema already reports it).
  const list = <T>(v: T[] | undefined): T[] => (Array.isArray(v) ? v.filter((x) => x && typeof x === 'object') : []);
  const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const config = {
    leads: strings(input.leads),
    people: list(input.people),
    services: list(input.services),
    subprojects: list(input.subprojects).map((s) => ({ ...s, owners: strings(s.owners), rotations: strings(s.rotations) })),
    rotations: list(input.rotations),
    escalationPolicies: list(input.escalationPolicies),
  };
  const people = new Set(config.people.map((p) => p.id));
  const rotations = new Set(config.rotations.map((r) => r.id));
  const policies = new Set(config.escalationPolicies.map((p) => p.id));
  const subprojects = new Set(config.subprojects.map((s) => s.id));

  const unique = (section: string, ids: string[]) => {
    const seen = new Map<string, number>();
    ids.forEach((id, i) => {
      if (seen.has(id)) issues.push({ path: [section, i, 'id'], message: `duplicate id "${id}" (first at index ${seen.get(id)})` });
      else seen.set(id, i);
    });
  };
  unique('people', config.people.map((p) => p.id));
  unique('services', config.services.map((s) => s.id));
  unique('subprojects', config.subprojects.map((s) => s.id));
  unique('rotations', config.rotations.map((r) => r.id));
  unique('escalationPolicies', config.escalationPolicies.map((p) => p.id));

  const slackIds = new Map<string, number>();
  config.people.forEach((p, i) => {
    if (slackIds.has(p.slack)) issues.push({ path: ['people', i, 'slack'], message: `Slack id ${p.slack} is already used by people[${slackIds.get(p.slack)}]` });
    else slackIds.set(p.slack, i);
  });

  const person = (path: (string | number)[], id: string) => {
    if (!people.has(id)) issues.push({ path, message: `unknown person "${id}"` });
  };
  config.leads.forEach((id, i) => person(['leads', i], id));
  config.subprojects.forEach((s, i) => {
    s.owners.forEach((o, j) => person(['subprojects', i, 'owners', j], o));
    s.rotations.forEach((r, j) => {
      if (!rotations.has(r)) issues.push({ path: ['subprojects', i, 'rotations', j], message: `unknown rotation "${r}"` });
    });
    if (s.escalationPolicy && !policies.has(s.escalationPolicy)) {
      issues.push({ path: ['subprojects', i, 'escalationPolicy'], message: `unknown escalation policy "${s.escalationPolicy}"` });
    }
  });
  config.services.forEach((s, i) => {
    if (!subprojects.has(s.subproject)) issues.push({ path: ['services', i, 'subproject'], message: `unknown subproject "${s.subproject}"` });
  });
  config.rotations.forEach((r, i) => {
    const participants = (r as { participants?: unknown }).participants;
    if (Array.isArray(participants)) {
      participants.forEach((p, j) => {
        if (typeof p === 'string') person(['rotations', i, 'participants', j], p);
      });
    }
    const secondary = (r as { secondary?: unknown }).secondary;
    if (secondary && typeof secondary === 'object' && 'rotation' in secondary) {
      const other = (secondary as { rotation: unknown }).rotation;
      if (typeof other === 'string' && !rotations.has(other)) {
        issues.push({ path: ['rotations', i, 'secondary', 'rotation'], message: `unknown rotation "${other}"` });
      }
    }
  });
  config.escalationPolicies.forEach((p, i) => {
    const steps = (p as { steps?: unknown }).steps;
    if (!Array.isArray(steps)) return;
    steps.forEach((step: unknown, j) => {
      const targets = (step as { targets?: unknown })?.targets;
      if (!Array.isArray(targets)) return;
      targets.forEach((t: unknown, k) => {
        if (t && typeof t === 'object') {
          if ('person' in t && typeof t.person === 'string') person(['escalationPolicies', i, 'steps', j, 'targets', k, 'person'], t.person);
          if ('rotation' in t && typeof t.rotation === 'string' && !rotations.has(t.rotation)) {
            issues.push({ path: ['escalationPolicies', i, 'steps', j, 'targets', k, 'rotation'], message: `unknown rotation "${t.rotation}"` });
          }
        }
      });
    });
  });
  return issues;
}
