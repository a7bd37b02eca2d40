import type { HomeViewer } from '../../platform/home/home-contract.ts';
import { missingReviews, reviewProgress, reviewersToAsk } from '../domain/review-policy.ts';
import type { ChangeRules } from '../domain/rules.ts';
import type { HomeChangeView } from '../views/home-changes.ts';
import type { ChangeDeps } from './change-deps.ts';
import { listChanges } from './list-changes.ts';

/**
 * Open changes the person was asked to review and has not reviewed yet, while the change still
 * misses a review (someone whose review is no longer needed is not waited for).
 */
export async function homeChanges(deps: Pick<ChangeDeps, 'changes'> & { rules: ChangeRules }, viewer: HomeViewer): Promise<HomeChangeView[]> {
  const me = viewer.slackUserId;
  const out: HomeChangeView[] = [];
  for (const { change, reviews } of await listChanges(deps)) {
    if (change.state !== 'open' || change.author === me) continue;
    if (!reviewersToAsk(change, deps.rules).includes(me)) continue;
    if (reviews.some((r) => r.reviewer === me)) continue;
    const progress = reviewProgress(change, reviews, deps.rules);
    // Only while a review this person can give is still missing (a SIG slot someone else filled is not waited on).
    if (!progress.some((p) => !p.satisfied && p.slot.eligible.has(me))) continue;
    out.push({ change, missing: missingReviews(progress) });
  }
  return out;
}
