import type { InteractionSource } from '../emulator-interface.ts';
import type { Json, SlackChannel, SlackMessage, SlackView } from '../slack-workspace.ts';
import type { StateValues } from '../view-state.ts';
import { messageOut } from '../web-api/serialize.ts';
import { channelOf, responseUrlFor, viewPayload, type Actor, type InteractionContext } from './context.ts';

/** Where an interaction happens: the blocks a person sees there and the state of their inputs. */
export interface ResolvedSource {
  blocks: SlackView['blocks'];
  state: StateValues;
  /** Identifies the surface for remembered suggestions (a view id, or channel:ts:user). */
  key: string;
  message?: SlackMessage;
  channel?: SlackChannel;
  view?: SlackView;
}

/** Refuses (throws) what a person could not do: act on a view not on top, or a message they cannot see. */
export function resolveSource(ix: InteractionContext, userId: string, source: InteractionSource): ResolvedSource {
  const ws = ix.ws;
  if ('viewId' in source) {
    const record = ws.views.get(source.viewId);
    if (!record || record.userId !== userId) throw new Error(`view ${source.viewId} is not open for ${userId}`);
    if (record.view.type === 'modal' && ws.modalStack(userId).at(-1) !== record.view.id) {
      throw new Error(`view ${source.viewId} is not on top of ${userId}'s modal stack`);
    }
    return { blocks: record.view.blocks, state: record.view.state.values, key: record.view.id, view: record.view };
  }
  const ch = channelOf(ix, source.channelId);
  const message = ws.findMessage(ch.id, source.messageTs);
  if (!message || (message.ephemeral_for && message.ephemeral_for !== userId)) throw new Error(`no message ${source.messageTs} in ${ch.id} visible to ${userId}`);
  ws.ensureMember(ch, userId);
  const key = `${ch.id}:${message.ts}:${userId}`;
  let state = ix.messageStates.get(key);
  if (!state) ix.messageStates.set(key, (state = {}));
  return { blocks: message.blocks ?? [], state, key, message, channel: ch };
}

/** The parts of an interaction payload that say where it happened. */
export function sourceFields(ix: InteractionContext, actor: Actor, s: ResolvedSource, withResponseUrl: boolean): { fields: Json; responseUrl?: string } {
  if (s.view) {
    return { fields: { container: { type: 'view', view_id: s.view.id }, view: viewPayload(s.view, actor) } };
  }
  const message = s.message as SlackMessage;
  const ch = s.channel as SlackChannel;
  const ephemeral = message.ephemeral_for !== undefined;
  const fields: Json = {
    container: {
      type: 'message', message_ts: message.ts, channel_id: ch.id, is_ephemeral: ephemeral,
      ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
    },
    channel: { id: ch.id, name: ch.is_im ? 'directmessage' : ch.name },
    state: { values: structuredClone(s.state) },
    // Slack leaves the message out of payloads from ephemeral messages.
    ...(ephemeral ? {} : { message: messageOut(message, ix.identity.teamId) }),
  };
  if (!withResponseUrl) return { fields };
  const responseUrl = responseUrlFor(ix, ix.ws.issueResponseUrl(actor.userId, ch.id, message.ts).id);
  return { fields: { ...fields, response_url: responseUrl }, responseUrl };
}
