import { z } from 'zod';
import { channelsSchema } from './sections/channels.ts';
import { personSchema } from './sections/people.ts';
import { outOfScopeSchema, serviceSchema } from './sections/services.ts';
import { slackSchema } from './sections/slack.ts';
import { subprojectSchema } from './sections/subprojects.ts';

/**
 * The sections of infra.yaml every capability reads: who the people and leads are, the channels,
 * the services and the subprojects that own them. Each capability adds its own section (see
 * `ConfigSection` in ../capability.ts); the full schema is composed in ./schema.ts.
 */
export const coreConfigShape = {
  /** The group's leads (person ids): may act on anything, see private contact data. */
  leads: z.array(z.string().min(1)).min(1),
  slack: slackSchema,
  channels: channelsSchema,
  people: z.array(personSchema).min(1),
  services: z.array(serviceSchema).default([]),
  outOfScope: z.array(outOfScopeSchema).default([]),
  subprojects: z.array(subprojectSchema).default([]),
};

export const coreConfigSchema = z.strictObject(coreConfigShape);
export type CoreConfig = z.infer<typeof coreConfigSchema>;
