import type { Clock } from '../../core/clock.ts';
import type { DeliveryResult, TeamRef } from '../emulator-interface.ts';
import type { Delivery, SignedSender } from '../signed-sender.ts';
import type { Identity, Json, SlackChannel, SlackUser, SlackView, SlackWorkspace } from '../slack-workspace.ts';
import type { StateValues } from '../view-state.ts';
import type { WebApiContext } from '../web-api/context.ts';
import { viewOut } from '../web-api/serialize.ts';

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

/** Who acts, and from which workspace: what Slack writes into `team`, `user.team_id`, `enterprise`. */
export interface Actor {
  userId: string;
  userName: string;
  teamId: string;
  teamDomain: string;
  enterpriseId?: string;
  enterpriseName?: string;
  /** From another organisation than the emulator's (Slack Connect): `is_ext_shared_channel`. */
  external: boolean;
}

export function actorOf(ix: InteractionContext, userId: string, fromTeam?: TeamRef): Actor {
  const u = userOf(ix, userId);
  const teamId = fromTeam?.id ?? u.team_id;
  const enterpriseId = fromTeam ? fromTeam.enterpriseId : u.enterprise_id;
  const enterpriseName = fromTeam ? fromTeam.enterpriseName : u.enterprise_name;
  const home = ix.identity;
  const sameOrg = home.enterpriseId !== undefined && enterpriseId === home.enterpriseId;
  return {
    userId: u.id, userName: u.name, teamId,
    teamDomain: fromTeam?.domain ?? (fromTeam ? fromTeam.id.toLowerCase() : (u.team_domain ?? home.teamDomain)),
    ...(enterpriseId ? { enterpriseId } : {}),
    ...(enterpriseName ? { enterpriseName } : {}),
    external: teamId !== home.teamId && !sameOrg,
  };
}

/**
 * The `user` object of an interaction payload. Slack's payload references say `user.team_id`
 * reports the organisation's id (E…) instead of the workspace's under Enterprise Grid.
 */
export function userRef(actor: Actor): Json {
  return { id: actor.userId, username: actor.userName, name: actor.userName, team_id: actor.enterpriseId ?? actor.teamId };
}

/** The `team` object of an interaction payload: the workspace the interaction came from. */
export function teamRef(actor: Actor): Json {
  return {
    id: actor.teamId, domain: actor.teamDomain,
    ...(actor.enterpriseId ? { enterprise_id: actor.enterpriseId, enterprise_name: actor.enterpriseName ?? actor.enterpriseId } : {}),
  };
}

/**
 * The identity fields every interaction payload (block_actions, block_suggestion,
 * view_submission, view_closed, shortcut…) carries, in the places Slack puts them.
 */
export function identityFields(ix: InteractionContext, actor: Actor): Json {
  return {
    token: VERIFICATION_TOKEN, api_app_id: ix.identity.appId, team: teamRef(actor), user: userRef(actor),
    enterprise: actor.enterpriseId ? { id: actor.enterpriseId, name: actor.enterpriseName ?? actor.enterpriseId } : null,
    is_enterprise_install: false,
  };
}

/** A view as a payload carries it: `team_id` is the workspace of the person looking at it. */
export function viewPayload(view: SlackView, actor: Actor): Json {
  return { ...viewOut(view), team_id: actor.teamId };
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
