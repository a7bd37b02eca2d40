import { z } from 'zod';
import { personSchema } from './sections/people.ts';
import { serviceSchema, outOfScopeSchema } from './sections/services.ts';
import { subprojectSchema } from './sections/subprojects.ts';
import { channelsSchema } from './sections/channels.ts';
import { rotationSchema } from '../../rota/config.ts';
import { accessSettingsSchema } from '../../access/config.ts';
import { escalationPolicySchema } from '../../escalation/config.ts';
import { incidentSettingsSchema } from '../../incidents/config.ts';
import { statusSettingsSchema } from '../../status/config.ts';

export const infraConfigSchema = z.strictObject({
  /** The group's leads (person ids): may act on anything, see private contact data. */
  leads: z.array(z.string().min(1)).min(1),
  channels: channelsSchema,
  people: z.array(personSchema).min(1),
  services: z.array(serviceSchema).default([]),
  outOfScope: z.array(outOfScopeSchema).default([]),
  subprojects: z.array(subprojectSchema).default([]),
  rotations: z.array(rotationSchema).default([]),
  escalationPolicies: z.array(escalationPolicySchema).default([]),
  access: accessSettingsSchema.default(accessSettingsSchema.parse({})),
  incidents: incidentSettingsSchema.default(incidentSettingsSchema.parse({})),
  status: statusSettingsSchema.default(statusSettingsSchema.parse({})),
});

export type InfraConfigInput = z.input<typeof infraConfigSchema>;
export type InfraConfig = z.infer<typeof infraConfigSchema>;
