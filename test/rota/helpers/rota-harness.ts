import { openDatabase } from '../../../src/platform/store/open-database.ts';
import type { CapabilityModule } from '../../../src/platform/capability.ts';
import { CAPABILITIES } from '../../../src/platform/capabilities.ts';
import { startHarness, type Harness, type HarnessOptions } from '../../helpers/harness.ts';

/** The modules of CAPABILITIES with these names, in list order (a module built with options replaces its namesake). */
export function capabilitiesNamed(names: readonly string[], replacements: readonly CapabilityModule[] = []): CapabilityModule[] {
  return CAPABILITIES.filter((c) => names.includes(c.name)).map((c) => replacements.find((r) => r.name === c.name) ?? c);
}

/**
 * The harness with only the named capabilities. The test databases come migrated for every
 * capability, which a bot running fewer refuses ("previously executed migration … is missing"):
 * give it an empty in-memory SQLite so it migrates exactly what it runs.
 */
export async function startHarnessWith(names: readonly string[], options: Omit<HarnessOptions, 'capabilities'> & { replacements?: readonly CapabilityModule[] } = {}): Promise<Harness> {
  const { replacements, ...rest } = options;
  return startHarness({
    ...rest,
    capabilities: capabilitiesNamed(names, replacements),
    ...(rest.store || rest.database ? {} : { store: await openDatabase({ kind: 'sqlite', path: ':memory:' }) }),
  });
}
