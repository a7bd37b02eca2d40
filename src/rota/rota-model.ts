import type { Subproject } from '../platform/config/sections/subprojects.ts';
import { toRotation, type RotationConfig } from './config.ts';
import { prepareLayers, type PreparedLayers } from './domain/layers.ts';
import type { PreparedRotation } from './domain/prepare-rotation.ts';
import { prepareRotation } from './domain/prepared-cache.ts';
import { shadowsAt, type ActiveShadow } from './domain/shadow.ts';
import type { RotaChanges, Rotation } from './domain/types.ts';
import type { RotaChangesSource, ShadowSource } from './ports.ts';

/** Changes older than this before the range asked about cannot matter (an override is at most a few weeks). */
const CHANGES_LOOKBACK_MS = 90 * 86_400_000;

const NO_CHANGES: RotaChangesSource = { forRotation: async () => ({}) };
const NO_SHADOWS: ShadowSource = { shadowsOf: async () => [] };

/**
 * The config's rotations as engine values (built once: the engine caches per object) and the
 * stored overrides and swaps on top of them. Everything that asks who is on call prepares its
 * layers here.
 */
export class RotaModel {
  readonly rotations: ReadonlyMap<string, Rotation>;
  private readonly subprojects: ReadonlyMap<string, Subproject>;

  constructor(
    rotations: readonly RotationConfig[],
    private readonly subprojectList: readonly Subproject[],
    private readonly changes: RotaChangesSource = NO_CHANGES,
    private readonly shadowSource: ShadowSource = NO_SHADOWS,
  ) {
    this.rotations = new Map(rotations.map((r) => [r.id, toRotation(r)] as const));
    this.subprojects = new Map(subprojectList.map((s) => [s.id, s] as const));
  }

  subproject(id: string): Subproject | undefined {
    return this.subprojects.get(id);
  }

  /** Subprojects with at least one rotation, in config order. */
  rotaSubprojects(): Subproject[] {
    return this.subprojectList.filter((s) => s.rotations.some((r) => this.rotations.has(r)));
  }

  /** Subprojects with this rotation among their layers: a change to it may change who they have on call. */
  subprojectsUsing(rotationId: string): Subproject[] {
    return this.subprojectList.filter((s) => s.rotations.includes(rotationId));
  }

  layerRotations(subprojectId: string): Rotation[] {
    return (this.subprojects.get(subprojectId)?.rotations ?? []).map((id) => this.rotations.get(id)).filter((r): r is Rotation => r !== undefined);
  }

  async changesOf(rotationIds: readonly string[], from: Date, to: Date): Promise<Map<string, RotaChanges>> {
    const lo = new Date(from.getTime() - CHANGES_LOOKBACK_MS);
    const entries = await Promise.all(rotationIds.map(async (id) => [id, await this.changes.forRotation(id, lo, to)] as const));
    return new Map(entries);
  }

  /**
   * A subproject's layers with the changes that can matter over [from, to), and the rotations
   * their `secondary: { rotation }` rules name, with theirs.
   */
  async layers(subprojectId: string, from: Date, to: Date): Promise<PreparedLayers> {
    const layers = this.layerRotations(subprojectId);
    const named = layers.flatMap((r) => (typeof r.secondary === 'object' ? [this.rotations.get(r.secondary.rotation)] : [])).filter((r): r is Rotation => r !== undefined);
    const others = [...new Map([...layers, ...named].map((r) => [r.id, r] as const)).values()];
    return prepareLayers(layers, await this.changesOf(others.map((r) => r.id), from, to), others);
  }

  /**
   * Who shadows a subproject at an instant: the shadows booked in any of its layers, without the
   * people in `exclude` (whoever is primary or secondary then).
   */
  async shadowsAt(subprojectId: string, at: Date, exclude: readonly (string | undefined)[] = []): Promise<ActiveShadow[]> {
    const ids = this.layerRotations(subprojectId).map((r) => r.id);
    if (ids.length === 0) return [];
    return shadowsAt(await this.shadowSource.shadowsOf(ids, at, new Date(at.getTime() + 1)), ids, at, exclude);
  }

  /** One rotation with the changes that can matter over [from, to). */
  async prepared(rotationId: string, from: Date, to: Date): Promise<PreparedRotation | undefined> {
    const rotation = this.rotations.get(rotationId);
    if (!rotation) return undefined;
    return prepareRotation(rotation, (await this.changesOf([rotationId], from, to)).get(rotationId));
  }
}
