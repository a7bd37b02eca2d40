import { openDatabase, type Store } from '../../../src/platform/store/open-database.ts';
import type { CapabilityModule } from '../../../src/platform/capability.ts';
import { CAPABILITIES } from '../../../src/platform/capabilities.ts';
import type { Bot } from '../../../src/platform/start-bot.ts';
import { AuditLog } from '../../../src/platform/store/audit-log.ts';
import { Jobs } from '../../../src/platform/jobs/jobs.ts';
import type { AnnouncementRecord } from '../../../src/rota/ports.ts';
import type { RotaTables } from '../../../src/rota/store/tables.ts';
import { startHarness, type Harness, type HarnessOptions } from '../../helpers/harness.ts';

/** The modules of CAPABILITIES with these names, in list order (a module built with options replaces its namesake). */
export function capabilitiesNamed(names: readonly string[], replacements: readonly CapabilityModule[] = []): CapabilityModule[] {
  return CAPABILITIES.filter((c) => names.includes(c.name)).map((c) => replacements.find((r) => r.name === c.name) ?? c);
}

export interface RotaHarness extends Harness {
  /** The database the bot runs on, opened by the test: read it with the platform's own classes. */
  store: Store;
  audit: AuditLog;
  jobs: Jobs;
}

/**
 * The harness with only the named capabilities. Unless the test brings its own store, the bot gets
 * an empty in-memory SQLite of its own (the bot migrates it at start), which the test then reads.
 */
export async function startHarnessWith(
  names: readonly string[],
  options: Omit<HarnessOptions, 'capabilities' | 'database'> & { replacements?: readonly CapabilityModule[] } = {},
): Promise<RotaHarness> {
  const { replacements, ...rest } = options;
  const store = rest.store ?? (await openDatabase({ kind: 'sqlite', path: ':memory:' }));
  const h = await startHarness({ ...rest, store, capabilities: capabilitiesNamed(names, replacements) });
  return Object.assign(h, { store, audit: new AuditLog(store.db), jobs: new Jobs(store.db, store.dialect) });
}

/** The rota capability's `onReady`, as the bot runs it once the database is ready (at start, or later). */
export async function rotaOnReady(bot: Bot, now: Date): Promise<void> {
  const rota = bot.capabilities.find((c) => c.module.name === 'rota');
  if (!rota?.capability.onReady) throw new Error('the rota capability is not running');
  await rota.capability.onReady(now);
}

/** The handoffs recorded for a subproject, oldest first. */
export async function announcementsOf(store: Store, subprojectId: string): Promise<AnnouncementRecord[]> {
  const rows = await store.db.withTables<RotaTables>().selectFrom('rota_announcements').selectAll().where('subproject_id', '=', subprojectId).orderBy('at', 'asc').execute();
  return rows.map((r) => ({ subprojectId: r.subproject_id, at: new Date(Number(r.at)), person: r.person_id ?? undefined, outcome: r.outcome }));
}

