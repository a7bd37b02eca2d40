import type { Change } from '../domain/change.ts';
import type { ChangeDeps } from './change-deps.ts';

/** The decisions log: decided changes, newest first, every word of `query` matching. */
export async function searchDecisions(deps: Pick<ChangeDeps, 'changes'>, query: string): Promise<Change[]> {
  return deps.changes.decisions(query.slice(0, 200), 25);
}
