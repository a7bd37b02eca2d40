import type { Logger } from 'pino';
import { searchGroups, type GroupSearchHit } from '../domain/search-groups.ts';
import type { GroupsCatalog } from '../ports/groups-catalog.ts';

export interface SuggestGroupsDeps {
  catalog: GroupsCatalog;
  log: Pick<Logger, 'warn' | 'error'>;
}

/**
 * The group picker's options for what the person typed. Slack waits 3 s for them and a first
 * catalog load from GitHub can take longer: past `waitMs` the answer is empty (the load goes on,
 * and the next keystroke finds it); an unreadable catalog also answers empty.
 */
export async function suggestGroups(deps: SuggestGroupsDeps, query: string, waitMs: number): Promise<GroupSearchHit[]> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), waitMs);
  });
  try {
    const catalog = await Promise.race([deps.catalog.get(), late]);
    if (!catalog) {
      deps.log.warn('group options: the catalog is still loading');
      return [];
    }
    return searchGroups(catalog, query);
  } catch (err) {
    deps.log.error({ err }, 'group options: catalog unavailable');
    return [];
  } finally {
    clearTimeout(timer);
  }
}
