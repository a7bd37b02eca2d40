import { z } from 'zod';

/**
 * Who a step pages. Bare words resolve against the page's subproject at the moment the step
 * fires (so a handoff between steps is honoured); `{ person }` names someone directly.
 */
const escalationTargetSchema = z.union(
  [z.enum(['primary', 'secondary', 'owners', 'leads']), z.strictObject({ person: z.string().min(1) })],
  { error: 'expected primary, secondary, owners, leads or { person: <id> }' },
);

const escalationStepSchema = z.strictObject({
  targets: z.array(escalationTargetSchema).min(1, 'a step needs at least one target'),
  /**
   * Minutes to wait for an acknowledgement before the next step (after the last step: before
   * the next pass, or before the policy is declared exhausted). At least 1 so a typo cannot
   * turn a policy into one burst of notifications.
   */
  delayMinutes: z.number().int().min(1).max(24 * 60),
});

export const escalationPolicySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lowercase letters, digits and dashes'),
  description: z.string().optional(),
  /** Extra passes over all steps after the first (GoAlert's meaning): 0 = run the steps once. */
  repeat: z.number().int().min(0).max(10).default(0),
  steps: z.array(escalationStepSchema).min(1, 'a policy needs at least one step'),
});

export type EscalationTarget = z.infer<typeof escalationTargetSchema>;
export type EscalationStep = z.infer<typeof escalationStepSchema>;
export type EscalationPolicy = z.infer<typeof escalationPolicySchema>;
export type EscalationPolicyInput = z.input<typeof escalationPolicySchema>;

/** Human label for a target, as used on the timeline ("primary", "person thockin"). */
export function describeTarget(target: EscalationTarget): string {
  return typeof target === 'string' ? target : `person ${target.person}`;
}
