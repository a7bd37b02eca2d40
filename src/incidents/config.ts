import { z } from 'zod';
import { configSection } from '../platform/capability.ts';

const incidentSettingsSchema = z.strictObject({
  /** Where the permanent, linkable record of an incident is opened. */
  repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'expected owner/name').default('kubernetes/k8s.io'),
  labels: z.array(z.string()).default(['sig/k8s-infra']),
  /**
   * The GitHub account GITHUB_TOKEN belongs to. Before retrying an issue whose create answer was
   * lost, the bot looks for its own (this author, these labels, its marker); unset, the labels and
   * the marker alone.
   */
  githubLogin: z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/, 'expected a GitHub login').optional(),
  /** Minutes without an update before the commander is nudged, per severity. */
  reminderMinutes: z
    .strictObject({ SEV1: z.number().int().positive(), SEV2: z.number().int().positive(), SEV3: z.number().int().positive(), SEV4: z.number().int().positive() })
    .default({ SEV1: 30, SEV2: 60, SEV3: 240, SEV4: 1440 }),
});
export type IncidentSettings = z.infer<typeof incidentSettingsSchema>;

/** `incidents:` — where incidents are recorded and how often the commander is nudged. */
export const incidentsConfig = configSection({ key: 'incidents', schema: incidentSettingsSchema.default(incidentSettingsSchema.parse({})) });
