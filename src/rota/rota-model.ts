import type { OnCallDeps } from '../platform/app-deps.ts';
import type { InfraConfig } from '../platform/config/schema.ts';
import { toRotation } from './config.ts';
import type { Subproject } from '../platform/config/sections/subprojects.ts';
import { prepareLayers, type PreparedLayers } from './domain/layers.ts';
import type { RotaChanges, Rotation } from './domain/types.ts';
import { DEFAULT_MAX_OVERRIDE_MS } from './domain/validate-override.ts';
import { RotaChangesReader, RotaRepository, subprojectsOfRotation } from './store/rota-repository.ts';
import type { Store } from '../platform/store/open-database.ts';

export interface RotaSettings {
  /** The longest override one person may create (the modal refuses longer ones inline). */
  maxOverrideMs: number;
  /** How far ahead calendar feeds list shifts. */
  calendarWeeks: number;
  /** Default and cap of `/k8s-infra schedule <subproject> [weeks]`. */
  scheduleWeeks: number;
  maxScheduleWeeks: number;
}

export const DEFAULT_ROTA_SETTINGS: RotaSettings = { maxOverrideMs: DEFAULT_MAX_OVERRIDE_MS, calendarWeeks: 12, scheduleWeeks: 4, maxScheduleWeeks: 12 };

/** Changes older than this before the range asked about cannot matter (an override is at most a few weeks). */
const CHANGES_LOOKBACK_MS = 90 * 86_400_000;

/**
 * The config's rotations as engine values (built once: the engine caches per object) and the
 * database's overrides and swaps on top of them.
 */
export class RotaModel {
  readonly rotations: ReadonlyMap<string, Rotation>;
  private readonly subprojects: ReadonlyMap<string, Subproject>;

  constructor(
    readonly config: InfraConfig,
    readonly repository: RotaRepository,
    readonly settings: RotaSettings = DEFAULT_ROTA_SETTINGS,
  ) {
    this.rotations = new Map(config.rotations.map((r) => [r.id, toRotation(r)] as const));
    this.subprojects = new Map(config.subprojects.map((s) => [s.id, s] as const));
  }

  subproject(id: string): Subproject | undefined {
    return this.subprojects.get(id);
  }

  /** Subprojects with at least one rotation, in config order. */
  rotaSubprojects(): Subproject[] {
    return this.config.subprojects.filter((s) => s.rotations.some((r) => this.rotations.has(r)));
  }

  layerRotations(subprojectId: string): Rotation[] {
    return (this.subprojects.get(subprojectId)?.rotations ?? []).map((id) => this.rotations.get(id)).filter((r): r is Rotation => r !== undefined);
  }

  async changesOf(rotationIds: readonly string[], from: Date, to: Date): Promise<Map<string, RotaChanges>> {
    const lo = new Date(from.getTime() - CHANGES_LOOKBACK_MS);
    const entries = await Promise.all(rotationIds.map(async (id) => [id, await this.repository.forRotation(id, lo, to)] as const));
    return new Map(entries);
  }

  /** A subproject's layers with the changes that can matter over [from, to). */
  async layers(subprojectId: string, from: Date, to: Date): Promise<PreparedLayers> {
    const rotations = this.layerRotations(subprojectId);
    return prepareLayers(rotations, await this.changesOf(rotations.map((r) => r.id), from, to));
  }
}

export function rotaRepositoryFor(deps: Pick<OnCallDeps, 'store' | 'audit' | 'jobs' | 'config'>): RotaRepository {
  return new RotaRepository(deps.store.db, deps.audit, deps.jobs, subprojectsOfRotation(deps.config.subprojects));
}

/** Read-only source for createOnCallService (built before the rest of the deps). */
export function rotaChangesSource(store: Store, config: InfraConfig): RotaChangesReader {
  return new RotaChangesReader(store.db, subprojectsOfRotation(config.subprojects));
}
