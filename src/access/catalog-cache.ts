import type { Clock } from '../core/clock.ts';
import type { GroupCatalog } from './domain/group-catalog.ts';

/**
 * Keeps the last catalog for `ttlMs` (the modal's external select asks on every keystroke);
 * one load at a time; when a reload fails the previous catalog keeps serving and the error is
 * reported through `onError`. Only the first load's failure reaches the caller.
 */
export class CatalogCache {
  private current: { catalog: GroupCatalog; loadedAt: number } | undefined;
  private inflight: Promise<GroupCatalog> | undefined;

  constructor(
    private readonly load: () => Promise<GroupCatalog>,
    private readonly clock: Clock,
    private readonly ttlMs = 5 * 60_000,
    private readonly onError: (err: unknown) => void = () => {},
  ) {}

  async get(): Promise<GroupCatalog> {
    const now = this.clock.now().getTime();
    if (this.current && now - this.current.loadedAt < this.ttlMs) return this.current.catalog;
    if (this.current) {
      // Stale: answer now with what we have, refresh behind.
      void this.refresh().catch(this.onError);
      return this.current.catalog;
    }
    return this.refresh();
  }

  /** Loads now (e.g. after a push to the groups folder); concurrent calls share one load. */
  refresh(): Promise<GroupCatalog> {
    this.inflight ??= this.load()
      .then((catalog) => {
        this.current = { catalog, loadedAt: this.clock.now().getTime() };
        return catalog;
      })
      .finally(() => {
        this.inflight = undefined;
      });
    return this.inflight;
  }
}
