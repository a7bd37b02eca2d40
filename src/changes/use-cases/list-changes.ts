import type { ChangeDeps } from './change-deps.ts';
import type { ChangeWithReviews } from '../ports/change-store.ts';

/** Open and cleared changes, oldest first, with their reviews (the list shows what each waits for). */
export async function listChanges(deps: Pick<ChangeDeps, 'changes'>): Promise<ChangeWithReviews[]> {
  const open = await deps.changes.listOpen();
  const withReviews = await Promise.all(open.slice(0, 40).map((c) => deps.changes.get(c.id)));
  return withReviews.filter((c): c is ChangeWithReviews => c !== undefined);
}
