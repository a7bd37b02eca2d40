import { changeMessage } from '../views/change-messages.ts';
import type { ChangeDeps } from './change-deps.ts';
import { deliveryFailure } from './delivery-errors.ts';

/** Brings the change's message up to date (the latest state, whatever version asked for it). */
export async function refreshChangeMessage(deps: Pick<ChangeDeps, 'changes' | 'notifier' | 'directory'>, changeId: string): Promise<void> {
  const current = await deps.changes.get(changeId);
  if (!current?.change.message) return;
  try {
    await deps.notifier.update(current.change.message, changeMessage(current.change, current.reviews, deps.directory.rules, deps.directory));
  } catch (err) {
    throw deliveryFailure(err, `updating change ${changeId}'s message`);
  }
}
