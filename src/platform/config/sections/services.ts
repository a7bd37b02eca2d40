import { z } from 'zod';
import { slug } from './people.ts';
import { probeSchema } from './probes.ts';

export const serviceSchema = z.strictObject({
  id: slug,
  name: z.string().min(1),
  description: z.string().default(''),
  /** Owning SIGs, e.g. sig-k8s-infra, sig-release. */
  sigs: z.array(z.string().min(1)).min(1),
  subproject: z.string().min(1),
  /** Other names users type for it (`/k8s-infra status gcr`). */
  aliases: z.array(z.string().min(1)).default([]),
  pageOnDown: z.boolean().default(false),
  probes: z.array(probeSchema).default([]),
});
export type Service = z.infer<typeof serviceSchema>;

/** Services the group does not run yet; questions about them are routed to their owner. */
export const outOfScopeSchema = z.strictObject({
  id: slug,
  names: z.array(z.string().min(1)).min(1),
  sig: z.string().min(1),
  channel: z.string().regex(/^[a-z0-9_-]+$/, 'expected a channel name without #'),
  note: z.string().default(''),
});
export type OutOfScopeService = z.infer<typeof outOfScopeSchema>;
