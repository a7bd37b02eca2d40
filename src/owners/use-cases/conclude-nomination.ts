import { decideNomination } from '../domain/nomination.ts';
import type { NominationDeps } from '../ports/nomination-deps.ts';
import { NominationStore } from '../store/nomination-store.ts';
import { applyOwnershipChange, openedPullRequests } from './apply-ownership-change.ts';
import { pullRequestLinks } from '../views/nomination-views.ts';
import { homeAudience } from './nomination-context.ts';
import { bookShadowShifts } from './book-shadow-shifts.ts';

export type ConcludeResult = { kind: 'pending'; until: Date } | { kind: 'accepted' | 'rejected'; pullRequest?: string } | { kind: 'gone' };

/**
 * The deadline of a nomination: lazy consensus (or, after an objection, the votes) decides; an
 * accepted nomination gets its pull request, and the outcome goes on the issue and in the
 * channel. Every step is idempotent, so a retried job finishes what a failed one began.
 */
export async function concludeNomination(deps: NominationDeps, nominationId: string, now: Date, retry: boolean): Promise<ConcludeResult> {
  const store = new NominationStore(deps.db);
  const n = await store.get(nominationId);
  if (!n || !n.deadlineAt) return { kind: 'gone' };
  const votes = await store.votes(n.id);
  let status = n.status;
  const decision = decideNomination(votes, n.deadlineAt, now);
  if (status === 'open') {
    if (decision.kind === 'pending') return { kind: 'pending', until: n.deadlineAt };
    status = decision.kind;
    await store.decide(n.id, decision.kind, {}, now);
    // Decided: it leaves the tabs that showed it waiting for a vote or a statement.
    deps.home?.refresh(homeAudience(deps, n));
  }
  const tally = `${votes.filter((v) => v.vote === 'support').length} support, ${votes.filter((v) => v.vote === 'object').length} object`;
  const how = decision.kind === 'accepted' && decision.by === 'lazy-consensus' ? 'by lazy consensus (no objection by the deadline)' : `by the votes cast (${tally})`;
  if (status === 'rejected') {
    if (n.issueNumber && deps.github) await deps.github.comment(n.issueNumber, `Not accepted ${how}.`, `k8s-infra-bot:${n.id}:decided`);
    await deps.notifier.post(deps.settings.staffingChannel, { text: `The nomination of ${deps.mention(n.personId)} for \`${n.subprojectId}\` was not accepted ${how}.` }, { key: `owners.decided:${n.id}`, checkFirst: retry });
    return { kind: 'rejected' };
  }
  // Booked first, from the decision: a GitHub outage delaying the pull request does not delay it.
  await bookShadowShifts(deps, n, now, retry);
  const applied = await applyOwnershipChange(deps, n);
  // Every pull request opened, one per repository (the config repository's first).
  const prs = openedPullRequests(applied);
  const listed = prs.map((p) => p.url).join(', ');
  const pr = prs.length ? ` Pull request${prs.length > 1 ? 's' : ''}: ${listed}` : '';
  if (n.issueNumber && deps.github) await deps.github.comment(n.issueNumber, `Accepted ${how}.${pr}\nThe checklist above tracks the remaining steps.`, `k8s-infra-bot:${n.id}:decided`);
  const links = pullRequestLinks(prs);
  await deps.notifier.post(
    deps.settings.staffingChannel,
    { text: `:tada: ${deps.mention(n.personId)} is accepted as an owner of \`${n.subprojectId}\` ${how}.${links ? ` ${links}` : ''}` },
    { key: `owners.decided:${n.id}`, checkFirst: retry },
  );
  return { kind: 'accepted', ...(applied.pullRequest ? { pullRequest: applied.pullRequest.url } : {}) };
}
