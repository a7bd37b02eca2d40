import { z } from 'zod';
import type { CapabilityModule, SectionsOf } from '../capability.ts';
import { CAPABILITIES } from '../capabilities.ts';
import { coreConfigShape, type CoreConfig } from './core-schema.ts';

/** infra.yaml: the core sections and one section per capability that declares one. */
export function composeConfigSchema(modules: readonly CapabilityModule[]) {
  const sections = Object.fromEntries(modules.flatMap((m) => (m.config ? [[m.config.key, m.config.schema] as const] : [])));
  for (const key of Object.keys(sections)) if (key in coreConfigShape) throw new Error(`config section ${key} is a core section`);
  if (Object.keys(sections).length !== modules.filter((m) => m.config).length) throw new Error('two capabilities declare the same config section');
  return z.strictObject({ ...coreConfigShape, ...sections });
}

export const infraConfigSchema = composeConfigSchema(CAPABILITIES);

export type InfraConfig = CoreConfig & SectionsOf<typeof CAPABILITIES>;

export type ParsedInfraConfig = { success: true; data: InfraConfig } | { success: false; error: z.ZodError };

export function parseInfraConfig(raw: unknown): ParsedInfraConfig {
  const parsed = infraConfigSchema.safeParse(raw);
  if (!parsed.success) return { success: false, error: parsed.error };
  // The schema was composed from the same CAPABILITIES list that InfraConfig is computed from;
  // zod cannot carry a shape built from a list through Object.fromEntries.
  return { success: true, data: parsed.data as InfraConfig };
}
