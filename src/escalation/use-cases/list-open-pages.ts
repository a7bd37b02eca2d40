import type { PageState } from '../domain/page-state.ts';
import type { PageStore } from '../ports/page-store.ts';

export interface ListOpenPagesDeps {
  pages: Pick<PageStore, 'listOpen'>;
}

/** Pages not resolved yet, newest first (`/k8s-infra page list`, and other capabilities through the api). */
export function listOpenPages(deps: ListOpenPagesDeps): Promise<PageState[]> {
  return deps.pages.listOpen();
}
