import { z } from 'zod';
import { slug } from './people.ts';

export const subprojectSchema = z.strictObject({
  id: slug,
  name: z.string().min(1),
  owners: z.array(z.string().min(1)),
  /** Charter: while bootstrapping, an affiliation above 1/3 of owners is a warning, not a violation. */
  bootstrapping: z.boolean().default(false),
  /** Channel for pages and handoff announcements (name without #). */
  channel: z.string().regex(/^[a-z0-9_-]+$/, 'expected a channel name without #'),
  /** On-call layers, first layer with someone on call wins. */
  rotations: z.array(z.string().min(1)).default([]),
  escalationPolicy: z.string().min(1).optional(),
  /** Keep @k8s-infra-oncall-<id> in sync with the primary. */
  syncUsergroup: z.boolean().default(false),
  pagerduty: z
    .strictObject({
      /** Name of the env var holding the Events v2 routing key; never the key itself. */
      routingKeyEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'expected an environment variable name'),
    })
    .optional(),
});
export type Subproject = z.infer<typeof subprojectSchema>;
