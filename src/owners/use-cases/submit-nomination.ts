import { createHash } from 'node:crypto';
import { workingDayDeadline } from '../../core/working-days-deadline.ts';
import { audit, deliverOnce, schedule } from '../../platform/outbox/effects.ts';
import { nominationProblem, type Nomination } from '../domain/nomination.ts';
import { mayActOnOwners, ownersRefusal } from '../domain/owners-policy.ts';
import { concludeNominationJob } from '../jobs/conclude-nomination.ts';
import { fileNominationIssueJob } from '../jobs/file-nomination-issue.ts';
import { tellPersonJob } from '../jobs/tell-person.ts';
import type { NominationDeps } from '../ports/nomination-deps.ts';
import { NominationStore } from '../store/nomination-store.ts';
import { intentRequest } from '../views/nomination-views.ts';
import { effectOf } from './nomination-context.ts';

export interface NominationRequest {
  /** Person id of the nominator (undefined: not in the config). */
  by: string | undefined;
  byIsLead: boolean;
  personId: string;
  subprojectId: string;
}

export type CheckNominationResult = { ok: true; effect: string[] } | { ok: false; message: string; refused: boolean };

/** Who may nominate, whom: before the form opens and again when it is submitted. */
export async function checkNomination(deps: Pick<NominationDeps, 'subprojects' | 'people' | 'db' | 'mention'>, r: NominationRequest, now: Date): Promise<CheckNominationResult> {
  const s = deps.subprojects.find((x) => x.id === r.subprojectId);
  if (!s) return { ok: false, message: `There is no subproject \`${r.subprojectId}\`.`, refused: false };
  if (!mayActOnOwners('nominate', { personId: r.by, isLead: r.byIsLead }, { owners: s.owners, personId: r.personId })) return { ok: false, message: ownersRefusal('nominate', s.id), refused: true };
  const open = await new NominationStore(deps.db).openFor(s.id, r.personId);
  const problem = nominationProblem({ personKnown: deps.people.some((p) => p.id === r.personId), alreadyOwner: s.owners.includes(r.personId), openNomination: open !== undefined, mention: deps.mention(r.personId), subprojectId: s.id });
  if (problem) return { ok: false, message: problem, refused: false };
  return { ok: true, effect: effectOf(deps, s.id, { kind: 'add', personId: r.personId }, now).lines };
}

/** The id of a nomination filed from one modal: a retried submission files it once. */
export function nominationId(viewId: string): string {
  return `nom-${createHash('sha256').update(viewId).digest('hex').slice(0, 12)}`;
}

/**
 * The nominator's submitted form: the nomination with its lazy-consensus deadline (working days
 * of the subproject's owners and the leads, each in their own zone), the issue filed after the
 * commit, the nominee asked for their statement of intent, the deadline booked as a job.
 */
export async function submitNomination(deps: NominationDeps, r: NominationRequest & { viewId: string; credentials: string; support: string }, now: Date): Promise<CheckNominationResult & { nomination?: Nomination }> {
  const check = await checkNomination(deps, r, now);
  if (!check.ok) return check;
  const s = deps.subprojects.find((x) => x.id === r.subprojectId)!;
  const voters = deps.people.filter((p) => s.owners.includes(p.id) || deps.leads.includes(p.id));
  const deadline = workingDayDeadline(now, deps.settings.consensusWorkingDays, voters.map((p) => ({ zone: p.timezone, days: p.workingHours.days })), []).deadline;
  const n: Nomination = {
    id: nominationId(r.viewId),
    kind: 'nominate',
    subprojectId: s.id,
    personId: r.personId,
    nominatorId: r.by!,
    status: 'open',
    statements: { credentials: r.credentials.trim(), support: r.support.trim() },
    deadlineAt: deadline,
    createdAt: now,
  };
  const nominee = deps.people.find((p) => p.id === r.personId)!;
  await deps.commit(deps.db, async (trx) => {
    const created = await new NominationStore(trx).insert(n);
    if (!created) return { result: undefined, effects: [] };
    const ask = intentRequest(n, deps.mention(n.nominatorId));
    return {
      result: undefined,
      effects: [
        audit({ at: now, actor: n.nominatorId, action: 'owners.nominated', subject: `subproject:${s.id}`, payload: { nomination: n.id, person: n.personId, deadline: deadline.toISOString() } }),
        deliverOnce(`owners.file-issue:${n.id}`, fileNominationIssueJob.request({ id: '', dueAt: now, payload: { nominationId: n.id } })),
        deliverOnce(`owners.ask-intent:${n.id}`, tellPersonJob.request({ id: '', dueAt: now, payload: { slackId: nominee.slack, text: ask.text, blocks: ask.blocks } })),
        schedule(concludeNominationJob.request({ id: `owners.conclude:${n.id}`, dueAt: deadline, payload: { nominationId: n.id } })),
      ],
    };
  });
  return { ...check, nomination: n };
}
