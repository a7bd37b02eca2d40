import { createHash } from 'node:crypto';
import { audit, deliverOnce } from '../../platform/outbox/effects.ts';
import { offboardProblem, type Nomination } from '../domain/nomination.ts';
import { mayActOnOwners, ownersRefusal } from '../domain/owners-policy.ts';
import { applyOffboardingJob } from '../jobs/apply-offboarding.ts';
import type { NominationDeps } from '../ports/nomination-deps.ts';
import { NominationStore } from '../store/nomination-store.ts';
import { effectOf } from './nomination-context.ts';

export type OffboardResult = { kind: 'started'; effect: string[]; id: string } | { kind: 'refused'; message: string; audited: boolean };

const MINIMUM = 3;

/**
 * `/k8s-infra owners offboard @x <subproject> [confirm]`: the reverse of a nomination. Refused,
 * saying why, when it would leave fewer than 3 owners, unless a lead confirms. The issue and the
 * pull request are opened by a job after the commit.
 */
export async function offboardOwner(deps: NominationDeps, input: { key: string; by: string | undefined; bySlack: string; byIsLead: boolean; personId: string; subprojectId: string; confirm: boolean }, now: Date): Promise<OffboardResult> {
  const s = deps.subprojects.find((x) => x.id === input.subprojectId);
  if (!s) return { kind: 'refused', message: `There is no subproject \`${input.subprojectId}\`.`, audited: false };
  const actor = { personId: input.by, isLead: input.byIsLead };
  const refuse = async (message: string, action: string): Promise<OffboardResult> => {
    await deps.commit(deps.db, async () => ({ result: undefined, effects: [audit({ at: now, actor: input.by ?? input.bySlack, action: 'owners.refused', subject: `subproject:${s.id}`, payload: { action, person: input.personId } })] }));
    return { kind: 'refused', message, audited: true };
  };
  if (!mayActOnOwners('offboard', actor, { owners: s.owners, personId: input.personId })) return refuse(ownersRefusal('offboard', s.id), 'offboard');
  if (input.confirm && !mayActOnOwners('confirm-offboard', actor, { owners: s.owners, personId: input.personId })) return refuse(ownersRefusal('confirm-offboard', s.id), 'confirm-offboard');
  const problem = offboardProblem({ isOwner: s.owners.includes(input.personId), ownersAfter: s.owners.filter((o) => o !== input.personId).length, minimum: MINIMUM, leadConfirmed: input.confirm && input.byIsLead, mention: deps.mention(input.personId), subprojectId: s.id });
  if (problem) return refuse(problem, 'offboard');
  const effect = effectOf(deps, s.id, { kind: 'remove', personId: input.personId }, now).lines;
  const n: Nomination = { id: `off-${createHash('sha256').update(input.key).digest('hex').slice(0, 12)}`, kind: 'offboard', subprojectId: s.id, personId: input.personId, nominatorId: input.by!, status: 'accepted', statements: { credentials: '', support: '' }, createdAt: now };
  await deps.commit(deps.db, async (trx) => {
    const created = await new NominationStore(trx).insert(n);
    return {
      result: undefined,
      effects: created
        ? [
            audit({ at: now, actor: n.nominatorId, action: 'owners.offboarded', subject: `subproject:${s.id}`, payload: { person: n.personId, confirmedByLead: input.confirm } }),
            deliverOnce(`owners.apply-offboarding:${n.id}`, applyOffboardingJob.request({ id: '', dueAt: now, payload: { nominationId: n.id } })),
          ]
        : [],
    };
  });
  return { kind: 'started', effect, id: n.id };
}
