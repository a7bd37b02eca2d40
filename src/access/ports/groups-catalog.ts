import type { GroupCatalog } from '../domain/group-catalog.ts';

/** The groups catalog as the use cases see it: cached, reloadable (see CatalogCache). */
export interface GroupsCatalog {
  /** The current catalog; only the first load's failure reaches the caller. */
  get(): Promise<GroupCatalog>;
  /** Loads now (after a push to the groups branch). */
  refresh(): Promise<GroupCatalog>;
}
