import type { EscalationPolicy } from './policy-schema.ts';

/** Used when a subproject names no policy and the config has none. */
const FALLBACK_POLICY: EscalationPolicy = {
  id: 'fallback',
  repeat: 0,
  steps: [
    { targets: ['primary'], delayMinutes: 10 },
    { targets: ['secondary', 'owners'], delayMinutes: 15 },
    { targets: ['leads'], delayMinutes: 30 },
  ],
};

/** The policy a new page of a subproject walks: the one it names, else the first configured, else the fallback. */
export function choosePolicy(policies: readonly EscalationPolicy[], named: string | undefined): EscalationPolicy {
  return policies.find((p) => p.id === named) ?? policies[0] ?? FALLBACK_POLICY;
}
