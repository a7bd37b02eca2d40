import { parse as parseQuery } from 'node:querystring';

/** What a request to `/slack/events` is, as far as the edge needs to know before Bolt sees it. */
export type SlackRequestKind =
  | 'slash_command'
  | 'block_actions'
  | 'view_submission'
  | 'view_closed'
  | 'block_suggestion'
  | 'shortcut'
  | 'message_action'
  | 'event_callback'
  | 'url_verification'
  | 'app_rate_limited'
  | 'ssl_check'
  | 'other';

export type ParsedSlackBody = { ok: true; kind: SlackRequestKind; body: Record<string, unknown> } | { ok: false; reason: string };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const userId = (b: Json) => (isObject(b.user) && typeof b.user.id === 'string' ? b.user.id : undefined);

/**
 * Parses a signed body (form-encoded commands and `payload=<json>` interactions, JSON events)
 * and checks the few fields every listener relies on, so a malformed request is answered 400
 * here instead of failing inside a listener with a 500 and a stack trace.
 */
export function parseSlackBody(raw: string, contentType: string | undefined): ParsedSlackBody {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  let body: unknown;
  if (type === 'application/x-www-form-urlencoded') {
    const form = parseQuery(raw);
    if (typeof form.payload === 'string') {
      try {
        body = JSON.parse(form.payload);
      } catch {
        return { ok: false, reason: 'payload is not JSON' };
      }
      if (!isObject(body)) return { ok: false, reason: 'payload is not an object' };
    } else {
      if (form.ssl_check === '1') return { ok: true, kind: 'ssl_check', body: {} };
      const fields: Json = {};
      for (const [k, v] of Object.entries(form)) if (typeof v === 'string') fields[k] = v;
      if (typeof fields.command !== 'string' || typeof fields.user_id !== 'string' || typeof fields.team_id !== 'string') return { ok: false, reason: 'a slash command needs command, user_id and team_id' };
      return { ok: true, kind: 'slash_command', body: fields };
    }
  } else {
    try {
      body = JSON.parse(raw);
    } catch {
      return { ok: false, reason: 'body is not JSON' };
    }
    if (!isObject(body)) return { ok: false, reason: 'body is not an object' };
  }
  const kind = kindOf(body);
  const problem = shapeProblem(kind, body);
  return problem ? { ok: false, reason: problem } : { ok: true, kind, body };
}

/** The kind of an already-decoded body (Socket Mode delivers them decoded; a command has no `type`). */
export function kindOfDecoded(b: Json): SlackRequestKind {
  return typeof b.command === 'string' && b.type === undefined ? 'slash_command' : kindOf(b);
}

function kindOf(b: Json): SlackRequestKind {
  switch (b.type) {
    case 'block_actions':
    case 'view_submission':
    case 'view_closed':
    case 'block_suggestion':
    case 'shortcut':
    case 'message_action':
    case 'event_callback':
    case 'url_verification':
    case 'app_rate_limited':
      return b.type;
    default:
      return 'other';
  }
}

function shapeProblem(kind: SlackRequestKind, b: Json): string | undefined {
  switch (kind) {
    case 'block_actions':
      if (!Array.isArray(b.actions) || !b.actions.every(isObject)) return 'block_actions without an actions array';
      return userId(b) ? undefined : 'block_actions without a user';
    case 'view_submission':
    case 'view_closed':
      if (!isObject(b.view)) return `${kind} without a view`;
      return userId(b) ? undefined : `${kind} without a user`;
    case 'block_suggestion':
    case 'shortcut':
    case 'message_action':
      return userId(b) ? undefined : `${kind} without a user`;
    case 'event_callback':
      return isObject(b.event) && typeof b.event.type === 'string' ? undefined : 'event_callback without an event';
    case 'url_verification':
      return typeof b.challenge === 'string' ? undefined : 'url_verification without a challenge';
    default:
      return undefined;
  }
}
