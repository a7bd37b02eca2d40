import type { ChangeDeps } from './change-deps.ts';
import type { ChangeWithReviews } from '../ports/change-store.ts';

/** A change and its reviews, for a listener to check who may act before anything changes. */
export async function readChange(deps: Pick<ChangeDeps, 'changes'>, changeId: string): Promise<ChangeWithReviews | undefined> {
  return deps.changes.get(changeId);
}
