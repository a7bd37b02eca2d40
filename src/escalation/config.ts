import { z } from 'zod';
import { configSection } from '../platform/capability.ts';
import { duplicateIds, entries, idsOf, personCheck, type ConfigIssue } from '../platform/config/cross-references.ts';
import { escalationPolicySchema } from './domain/policy-schema.ts';

export { escalationPolicySchema };

/** `escalationPolicies:` — the steps a page walks until someone acknowledges. */
export const pagingConfig = configSection({
  key: 'escalationPolicies',
  schema: z.array(escalationPolicySchema).default([]),
  crossReferences: (config) => {
    const person = personCheck(config);
    const policies = idsOf(config.escalationPolicies);
    const rotations = idsOf(config.rotations);
    const issues: ConfigIssue[] = [...duplicateIds('escalationPolicies', config.escalationPolicies)];
    entries(config.subprojects).forEach((s, i) => {
      if (typeof s.escalationPolicy === 'string' && !policies.has(s.escalationPolicy)) {
        issues.push({ path: ['subprojects', i, 'escalationPolicy'], message: `unknown escalation policy "${s.escalationPolicy}"` });
      }
    });
    entries(config.escalationPolicies).forEach((p, i) =>
      entries(p.steps).forEach((step, j) =>
        entries(step.targets).forEach((t, k) => {
          issues.push(...person(['escalationPolicies', i, 'steps', j, 'targets', k, 'person'], t.person));
          if (typeof t.rotation === 'string' && !rotations.has(t.rotation)) {
            issues.push({ path: ['escalationPolicies', i, 'steps', j, 'targets', k, 'rotation'], message: `unknown rotation "${t.rotation}"` });
          }
        }),
      ),
    );
    return issues;
  },
});
