import type { Change, Review } from './change.ts';

/** Where the bot says something: the change's thread, a channel, or a person's DMs. */
export type Target = { to: 'thread' } | { to: 'channel'; channel: string } | { to: 'dm'; user: string };

/** What it says: a line of mrkdwn, or one of the messages the views build from the change. */
export type Say =
  | { kind: 'note'; text: string }
  | { kind: 'review-request' }
  | { kind: 'shared' }
  | { kind: 'notice' }
  | { kind: 'window'; flags: string[] }
  | { kind: 'decide'; text: string };

export type GithubAction =
  | { kind: 'open-issue' }
  | { kind: 'comment-issue'; body: string }
  | { kind: 'comment-pr'; body: string; hold?: 'place' | 'cancel' }
  | { kind: 'close-issue'; body: string };

/**
 * What a transition asks for besides the change itself, as data: the use cases turn each into
 * an outbox effect (a delivery, a job, an audit entry) committed with the change. `key`s are
 * unique within the change: the same key is delivered once, however often it is asked for.
 */
export type Intent =
  | { kind: 'post-message' }
  | { kind: 'refresh' }
  | { kind: 'say'; key: string; target: Target; say: Say }
  | { kind: 'github'; key: string; action: GithubAction }
  | { kind: 'analyse-pr' }
  | { kind: 'send-notice' }
  | { kind: 'timers'; generation: number; remindAt: Date | null; deadline: Date }
  | { kind: 'cancel-timers'; generation: number | null }
  | { kind: 'window'; at: Date }
  | { kind: 'audit'; action: string; actor: string; payload: Record<string, unknown> };

export type Step = { ok: true; change: Change; review?: Review; intents: Intent[] } | { ok: false; reason: string; already?: boolean };

export const note = (key: string, text: string, target: Target = { to: 'thread' }): Intent => ({ kind: 'say', key, target, say: { kind: 'note', text } });
export const audited = (action: string, actor: string, payload: Record<string, unknown> = {}): Intent => ({ kind: 'audit', action, actor, payload });
export const refused = (reason: string, already = false): Step => ({ ok: false, reason, ...(already ? { already } : {}) });
