import { audit, deliverOnce } from '../../platform/outbox/effects.ts';
import type { Vote } from '../domain/nomination.ts';
import { mayActOnOwners, ownersRefusal } from '../domain/owners-policy.ts';
import { issueCommentJob } from '../jobs/issue-comment.ts';
import type { NominationDeps } from '../ports/nomination-deps.ts';
import { NominationStore } from '../store/nomination-store.ts';

export type CastVoteResult = { kind: 'voted'; vote: Vote; changed: boolean; previous?: Vote } | { kind: 'refused'; message: string } | { kind: 'closed'; message: string };

/** Support or Object on a nomination, by the subproject's owners and the leads; a refusal is audited. */
export async function castVote(deps: NominationDeps, input: { nominationId: string; voter: string | undefined; voterSlack: string; voterIsLead: boolean; vote: Vote }, now: Date): Promise<CastVoteResult> {
  const n = await new NominationStore(deps.db).get(input.nominationId);
  if (!n) return { kind: 'closed', message: 'That nomination is not known to the bot.' };
  const s = deps.subprojects.find((x) => x.id === n.subprojectId);
  if (!mayActOnOwners('vote', { personId: input.voter, isLead: input.voterIsLead }, { owners: s?.owners ?? [], personId: n.personId })) {
    await deps.commit(deps.db, async () => ({
      result: undefined,
      effects: [audit({ at: now, actor: input.voter ?? input.voterSlack, action: 'owners.refused', subject: `nomination:${n.id}`, payload: { action: 'vote', vote: input.vote } })],
    }));
    return { kind: 'refused', message: ownersRefusal('vote', n.subprojectId) };
  }
  if (n.status !== 'open') return { kind: 'closed', message: `Voting on this nomination is over: it was ${n.status}.` };
  const voter = input.voter!;
  return deps.commit(deps.db, async (trx) => {
    const previous = await new NominationStore(trx).vote(n.id, voter, input.vote, now);
    const changed = previous !== input.vote;
    const comment =
      changed && input.vote === 'object' && n.issueNumber
        ? [deliverOnce(`owners.objection:${n.id}:${voter}:${now.getTime()}`, issueCommentJob.request({ id: '', dueAt: now, payload: { issueNumber: n.issueNumber, body: `@${deps.people.find((p) => p.id === voter)?.github ?? voter} objects (in Slack). The nomination is now decided by the votes cast at the deadline.`, marker: `k8s-infra-bot:${n.id}:objection:${voter}:${now.getTime()}` } }))]
        : [];
    return {
      result: { kind: 'voted' as const, vote: input.vote, changed, ...(previous ? { previous } : {}) },
      effects: changed ? [audit({ at: now, actor: voter, action: 'owners.voted', subject: `nomination:${n.id}`, payload: { vote: input.vote, ...(previous ? { previous } : {}) } }), ...comment] : [],
    };
  });
}
