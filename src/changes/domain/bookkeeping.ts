import type { Change } from './change.ts';
import { note, refused, type Step } from './intents.ts';

/** The change's message is in the channel: remember where, so the thread and the updates find it. */
export function messagePosted(change: Change, posted: { channel: string; ts: string; permalink: string | null }): Step {
  if (change.message) return refused('already posted', true);
  return { ok: true, change: { ...change, message: posted }, intents: [{ kind: 'refresh' }] };
}

/** Something the thread should know that changes nothing (GitHub is late, a late objection). */
export function sayOnly(change: Change, key: string, text: string): Step {
  return { ok: true, change, intents: [note(key, text)] };
}
