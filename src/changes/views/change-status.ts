import { escapeMrkdwn } from '../../core/mrkdwn.ts';
import { openObjections, type Change, type Review } from '../domain/change.ts';
import { slackDate } from '../domain/format.ts';
import { who } from '../domain/people-text.ts';
import { missingReviews, reviewProgress } from '../domain/review-policy.ts';
import type { ChangeRules } from '../domain/rules.ts';

const STATE_LABEL: Record<Change['state'], string> = {
  open: 'Open',
  cleared: 'Cleared',
  done: 'Done',
  'rolled-back': 'Rolled back',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};

/** Where lazy consensus stands, in one line of mrkdwn. */
export function consensusText(change: Change, rules: ChangeRules): string {
  const lazy = change.lazy;
  if (!lazy) return 'not needed';
  const issue = lazy.issue ? `<${lazy.issue.url}|${escapeMrkdwn(rules.repo)}#${lazy.issue.number}>` : 'issue not opened yet';
  switch (lazy.outcome) {
    case 'pending':
      return lazy.deadline ? `${issue}, until ${slackDate(lazy.deadline)}` : issue;
    case 'reached':
      return `${issue}: reached`;
    case 'accepted':
      return `${issue}: accepted by the reviewers after an objection`;
    case 'blocked':
      return `${issue}: *not reached* (objection); waiting for the reviewers`;
    case 'waiting-for-notice':
      return `${issue}: deadline passed, waiting for the kubernetes-dev@ notice`;
  }
}

/** Who approved for what, and who is still needed. */
export function reviewsText(change: Change, reviews: readonly Review[], rules: ChangeRules): string {
  const progress = reviewProgress(change, reviews, rules);
  const parts = progress.map((p) => `${p.satisfied ? ':white_check_mark:' : ':hourglass:'} ${escapeMrkdwn(p.slot.label)}${p.approvedBy.length ? ` (${p.approvedBy.map(who).join(', ')})` : ''}`);
  const objections = openObjections(reviews);
  if (objections.length) parts.push(`:raised_hand: objection${objections.length > 1 ? 's' : ''} by ${objections.map((o) => who(o.reviewer)).join(', ')}`);
  return parts.join(' · ');
}

/** What the change waits for, or its outcome, in a few words. */
export function stateText(change: Change, reviews: readonly Review[], rules: ChangeRules): string {
  if (change.state !== 'open') return STATE_LABEL[change.state];
  const waits: string[] = [];
  const missing = missingReviews(reviewProgress(change, reviews, rules));
  if (missing.length) waits.push(`reviews from ${missing.join(', ')}`);
  if (change.lazy && change.lazy.outcome !== 'reached' && change.lazy.outcome !== 'accepted') waits.push(change.lazy.outcome === 'blocked' ? 'the reviewers’ decision on an objection' : change.lazy.outcome === 'waiting-for-notice' ? 'the kubernetes-dev@ notice' : 'lazy consensus');
  if (openObjections(reviews).length && change.lazy?.outcome !== 'blocked' && change.lazy?.outcome !== 'accepted') waits.push('an objection to be withdrawn');
  return waits.length ? `Waiting for ${waits.map(escapeMrkdwn).join(', ')}` : 'Open';
}
