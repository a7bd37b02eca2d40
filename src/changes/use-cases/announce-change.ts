import { stableId } from '../../platform/slack/stable-id.ts';
import { announceChange as announce, type Announcement } from '../domain/announce.ts';
import type { Change } from '../domain/change.ts';
import type { ChangeDeps } from './change-deps.ts';
import { effectsOf } from './intent-effects.ts';

export type AnnounceChangeDeps = Pick<ChangeDeps, 'changes' | 'clock' | 'directory'>;

/**
 * Records the change with everything its announcement asks for (the post, the reviewers' DMs,
 * the SIG channels, reading the PR or opening the issue, the window), in one transaction. One
 * change per `key` (the form's view id): a retried submission finds the first.
 */
export async function announceChange(deps: AnnounceChangeDeps, announcement: Announcement, authorSlackId: string, key: string): Promise<{ ok: true; change: Change; created: boolean } | { ok: false; reason: string }> {
  const now = deps.clock.now();
  const id = stableId('chg-', key, 8);
  const step = announce(id, announcement, deps.directory.author(authorSlackId), (s) => deps.directory.serviceSigs(s), deps.directory.rules, now);
  if (!step.ok) return { ok: false, reason: step.reason };
  const created = await deps.changes.create(step.change, effectsOf(step.change, step.intents, now));
  return { ok: true, change: created ? step.change : ((await deps.changes.get(id))?.change ?? step.change), created };
}
