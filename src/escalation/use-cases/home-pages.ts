import type { HomeViewer } from '../../platform/home/home-contract.ts';
import { isPartOfPage } from '../domain/page-people.ts';
import type { PageState } from '../domain/page-state.ts';
import type { PageStore } from '../ports/page-store.ts';

/** Open pages the person is part of (notified, raised or took them), newest first. */
export async function homePages(deps: { pages: Pick<PageStore, 'listOpen'> }, viewer: HomeViewer): Promise<PageState[]> {
  const ids = [viewer.slackUserId, ...(viewer.personId ? [viewer.personId] : [])];
  return (await deps.pages.listOpen()).filter((p) => isPartOfPage(p, ids));
}
