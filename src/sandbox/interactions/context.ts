import type { Clock } from '../../core/clock.ts';
import type { DeliveryResult } from '../emulator-interface.ts';
import type { Delivery, SignedSender } from '../signed-sender.ts';
import type { Identity, Json, SlackChannel, SlackUser, SlackWorkspace } from '../slack-workspace.ts';
import type { StateValues } from '../view-state.ts';
import type { WebApiContext } from '../web-api/context.ts';

/**
 * What every interaction (a person acting in Slack, which Slack turns into a signed request to
 * the bot) needs: the workspace, the sender, and the per-person state Slack's client keeps.
 */
export interface InteractionContext {
  ws: SlackWorkspace;
  api: WebApiContext;
  identity: Identity;
  sender: SignedSender;
  clock: Clock;
  /** Events the app subscribes to (its manifest). */
  subscribed: ReadonlySet<string>;
  /** Base URL the router is mounted at, for response_urls. */
  publicUrl(): string;
  /** Selections a person made in a message's elements (Slack sends them as `state`). */
  messageStates: Map<string, StateValues>;
  /** Inline errors shown on a view after response_action: errors. */
  viewErrors: Map<string, Record<string, string>>;
  /** Event envelopes by event_id, so a retry sends the very same body. */
  events: Map<string, Json>;
}

/** Slack's legacy verification token; Bolt ignores it when it checks signatures. */
export const VERIFICATION_TOKEN = 'sandbox-verification-token';

export function userOf(ix: InteractionContext, id: string): SlackUser {
  const u = ix.ws.users.get(id);
  if (!u) throw new Error(`no such user ${id}`);
  return u;
}

export function channelOf(ix: InteractionContext, idOrName: string): SlackChannel {
  const c = ix.ws.channel(idOrName);
  if (!c) throw new Error(`no such channel ${idOrName}`);
  return c;
}

/** The `user` object of an interaction payload. */
export function userRef(ix: InteractionContext, id: string): Json {
  const u = userOf(ix, id);
  return { id: u.id, username: u.name, name: u.name, team_id: ix.identity.teamId };
}

/** The `team` object of an interaction payload. */
export function teamRef(ix: InteractionContext): Json {
  return { id: ix.identity.teamId, domain: ix.identity.teamDomain };
}

export function responseUrlFor(ix: InteractionContext, id: string): string {
  return `${ix.publicUrl()}/response_url/${id}`;
}

/** How a delivery went, in the shape every driver method returns. */
export function deliveryResult(d: Delivery): DeliveryResult {
  return {
    ok: d.error === undefined, status: d.status, ackMs: d.ackMs, ...(d.error ? { error: d.error } : {}),
    ...(d.body !== undefined ? { body: d.body } : {}),
  };
}

export const form = (fields: Record<string, string>): string => new URLSearchParams(fields).toString();
/** Interactivity requests are form posts with one field, `payload`, holding JSON. */
export const payloadForm = (payload: Json): string => form({ payload: JSON.stringify(payload) });

export function suggestionKey(sourceKey: string, blockId: string, actionId: string): string {
  return `${sourceKey}:${blockId}:${actionId}`;
}

/** Closes the top modal (or the whole stack), forgetting the inline errors shown on it. */
export function popModal(ix: InteractionContext, userId: string, all: boolean): void {
  const stack = ix.ws.modalStack(userId);
  const removed = all ? stack.splice(0) : stack.splice(-1);
  for (const id of removed) ix.viewErrors.delete(id);
}
