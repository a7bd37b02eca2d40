import { audit, deliverOnce } from '../../platform/outbox/effects.ts';
import { issueCommentJob } from '../jobs/issue-comment.ts';
import type { NominationDeps } from '../ports/nomination-deps.ts';
import { NominationStore } from '../store/nomination-store.ts';

export type RecordIntentResult = { kind: 'recorded' } | { kind: 'refused'; message: string };

/** The nominee's statement of intent: only the nominee writes it; it goes on the issue as a comment. */
export async function recordIntent(deps: NominationDeps, input: { nominationId: string; personId: string | undefined; intent: string }, now: Date): Promise<RecordIntentResult> {
  const n = await new NominationStore(deps.db).get(input.nominationId);
  if (!n || n.personId !== input.personId) return { kind: 'refused', message: 'Only the nominee writes their statement of intent.' };
  if (n.status !== 'open') return { kind: 'refused', message: `This nomination was ${n.status} already.` };
  await deps.commit(deps.db, async (trx) => {
    await new NominationStore(trx).setIntent(n.id, input.intent.trim());
    return {
      result: undefined,
      effects: [
        audit({ at: now, actor: n.personId, action: 'owners.intent_recorded', subject: `nomination:${n.id}`, payload: {} }),
        ...(n.issueNumber ? [deliverOnce(`owners.intent:${n.id}:${now.getTime()}`, issueCommentJob.request({ id: '', dueAt: now, payload: { issueNumber: n.issueNumber, body: `### Statement of intent (from the nominee, in Slack)\n\n${input.intent.trim()}`, marker: `k8s-infra-bot:${n.id}:intent:${now.getTime()}` } }))] : []),
      ],
    };
  });
  return { kind: 'recorded' };
}
