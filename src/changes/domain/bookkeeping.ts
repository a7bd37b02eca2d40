import { askAndShare } from './announce.ts';
import type { Change } from './change.ts';
import { note, refused, type Step } from './intents.ts';
import type { ChangeRules } from './rules.ts';

/**
 * The change's message is in the channel: remember where, so the thread and the updates find it;
 * then ask the reviewers and tell the SIG channels, with a link to it.
 */
export function messagePosted(change: Change, posted: { channel: string; ts: string; permalink: string | null }, rules: ChangeRules): Step {
  if (change.message) return refused('already posted', true);
  const after = { ...change, message: posted };
  return { ok: true, change: after, intents: [{ kind: 'refresh' }, ...askAndShare(after, rules)] };
}

/** Something the thread should know that changes nothing (GitHub is late, a late objection). */
export function sayOnly(change: Change, key: string, text: string): Step {
  return { ok: true, change, intents: [note(key, text)] };
}
