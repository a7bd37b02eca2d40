import { messagePosted } from '../domain/bookkeeping.ts';
import { changeMessage } from '../views/change-messages.ts';
import { applyStep } from './apply-step.ts';
import type { ChangeDeps } from './change-deps.ts';
import { deliveryFailure } from './delivery-errors.ts';

export type PostChangeMessageDeps = Pick<ChangeDeps, 'changes' | 'clock' | 'notifier' | 'directory'>;

/**
 * Posts the change in the channel (once: the delivery key travels in the message's metadata, and
 * a retry looks for it first) and records where, so its thread and updates find it.
 */
export async function postChangeMessage(deps: PostChangeMessageDeps, changeId: string, deliveryKey: string, attempt: number): Promise<void> {
  const current = await deps.changes.get(changeId);
  if (!current || current.change.message) return;
  const { rules } = deps.directory;
  let posted;
  try {
    posted = await deps.notifier.post(rules.channel, changeMessage(current.change, current.reviews, rules, deps.directory), { key: deliveryKey, checkFirst: attempt > 1 });
  } catch (err) {
    throw deliveryFailure(err, `posting change ${changeId} in #${rules.channel}`);
  }
  const permalink = (await deps.notifier.permalink(posted).catch(() => undefined)) ?? null;
  await applyStep(deps, changeId, ({ change }) => messagePosted(change, { channel: posted.channel, ts: posted.ts, permalink }, rules));
}
