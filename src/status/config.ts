import { z } from 'zod';
import { configSection } from '../platform/capability.ts';

/** How the scheduled status rounds run (the probes themselves are under each service). */
const statusSettingsSchema = z.strictObject({
  /** Run scheduled rounds; off leaves only `/k8s-infra status <service>` live checks. */
  scheduled: z.boolean().default(true),
  intervalSeconds: z.number().int().min(10).max(3600).default(60),
  /** Consecutive checks a new state must hold before it is official (flap damping). */
  holdChecks: z.number().int().min(1).max(10).default(2),
  probeTimeoutMs: z.number().int().min(100).max(60_000).default(5000),
  /** octodns zone-configs directory, relative to the working directory; default: dns/zone-configs beside the config file. */
  zonesDir: z.string().min(1).optional(),
});
export type StatusSettingsConfig = z.infer<typeof statusSettingsSchema>;

/** `status:` — how the scheduled status rounds run. */
export const statusConfig = configSection({ key: 'status', schema: statusSettingsSchema.default(statusSettingsSchema.parse({})) });
