import type { HomeViewer } from '../../platform/home/home-contract.ts';
import { mayActOnOwners } from '../domain/owners-policy.ts';
import type { NominationDeps } from '../ports/nomination-deps.ts';
import { NominationStore } from '../store/nomination-store.ts';
import type { HomeNominationsView } from '../views/home-nominations.ts';

/** At most this many nominations are listed; the rest are in the channel. */
const MAX_LISTED = 10;

/**
 * The owners' part of a person's Home tab: the open nominations waiting for their vote (they
 * may vote by the same policy the buttons check: an owner of the subproject or a lead, never the
 * nominee, and they have not voted yet), and their own nominations still missing a statement of
 * intent. Undefined when there is nothing for them.
 */
export async function homeNominations(deps: Pick<NominationDeps, 'db' | 'subprojects' | 'leads' | 'mention'>, viewer: HomeViewer, now: Date): Promise<HomeNominationsView | undefined> {
  const me = viewer.personId;
  if (!me) return undefined;
  const store = new NominationStore(deps.db);
  const open = (await store.open()).filter((n) => !n.deadlineAt || n.deadlineAt.getTime() > now.getTime());
  const isLead = deps.leads.includes(me);
  const votable = open.filter((n) => mayActOnOwners('vote', { personId: me, isLead }, { owners: deps.subprojects.find((s) => s.id === n.subprojectId)?.owners ?? [], personId: n.personId }));
  const voted = await store.votedOn(me, votable.map((n) => n.id));
  const name = (id: string) => deps.subprojects.find((s) => s.id === id)?.name ?? id;
  const toVote = votable.filter((n) => !voted.has(n.id));
  const intent = open.filter((n) => n.personId === me && !n.statements.intent);
  if (toVote.length === 0 && intent.length === 0) return undefined;
  return {
    toVote: toVote.slice(0, MAX_LISTED).map((n) => ({
      id: n.id,
      subprojectId: n.subprojectId,
      subprojectName: name(n.subprojectId),
      nominee: deps.mention(n.personId),
      nominator: deps.mention(n.nominatorId),
      credentials: n.statements.credentials,
      ...(n.deadlineAt ? { deadlineAt: n.deadlineAt } : {}),
      ...(n.issueUrl && n.issueNumber ? { issue: { url: n.issueUrl, number: n.issueNumber } } : {}),
    })),
    moreToVote: Math.max(0, toVote.length - MAX_LISTED),
    intent: intent.map((n) => ({ id: n.id, subprojectId: n.subprojectId, subprojectName: name(n.subprojectId), nominator: deps.mention(n.nominatorId), ...(n.deadlineAt ? { deadlineAt: n.deadlineAt } : {}) })),
  };
}
