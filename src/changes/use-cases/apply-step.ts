import type { Clock } from '../../core/clock.ts';
import type { Change, Review } from '../domain/change.ts';
import type { Step } from '../domain/intents.ts';
import type { ChangeStore, ChangeWithReviews } from '../ports/change-store.ts';
import { effectsOf } from './intent-effects.ts';

export type StepOutcome = { ok: true; change: Change; reviews: Review[] } | { ok: false; reason: string; already?: boolean; missing?: boolean };

export interface ApplyStepDeps {
  changes: Pick<ChangeStore, 'get' | 'save'>;
  clock: Clock;
}

/** Someone else changing the change at the same moment makes a write lose; it reads again and retries. */
const ATTEMPTS = 5;

/**
 * Reads the change, asks the domain for the step, and writes it with its effects in one
 * transaction, only if nobody changed the change since it was read. With `key` (from the Slack
 * payload), a retried delivery of the same act is `already`.
 */
export async function applyStep(deps: ApplyStepDeps, changeId: string, make: (current: ChangeWithReviews, now: Date) => Step, key?: string): Promise<StepOutcome> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = await deps.changes.get(changeId);
    if (!current) return { ok: false, reason: 'There is no such change (it may belong to another bot).', missing: true };
    const now = deps.clock.now();
    const step = make(current, now);
    if (!step.ok) return { ok: false, reason: step.reason, ...(step.already ? { already: true } : {}) };
    const effects = effectsOf({ ...step.change, version: current.change.version + 1 }, step.intents, now);
    const saved = await deps.changes.save({ ...(key ? { key } : {}), before: current.change, after: step.change, ...(step.review ? { review: step.review } : {}), effects });
    if (saved === 'already-done') return { ok: false, reason: 'Already done.', already: true };
    if (saved === 'conflict') continue;
    const reviews = step.review ? [...current.reviews.filter((r) => r.reviewer !== step.review!.reviewer), step.review] : current.reviews;
    return { ok: true, change: saved.saved, reviews };
  }
  return { ok: false, reason: 'The change was being updated by someone else at the same moment; try again.' };
}
