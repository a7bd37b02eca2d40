import { isObject, type Json, type ResponseUrl } from './slack-workspace.ts';
import { ApiError, type ApiResponse, type Args, type WebApiContext } from './web-api/context.ts';
import { postBotEphemeral, postBotMessage, replaceMessageContent } from './web-api/post-message.ts';

const RESPONSE_URL_TTL_MS = 30 * 60 * 1000;
const RESPONSE_URL_MAX_USES = 5;

function truthy(v: unknown): boolean {
  return v === true || v === 'true';
}

/** A POST to a response_url: ephemeral by default, in_channel, or acting on the original message. */
export function postToResponseUrl(ctx: WebApiContext, record: ResponseUrl | undefined, raw: unknown): ApiResponse {
  const ws = ctx.ws;
  if (!record || ws.nowMs() - record.createdAt > RESPONSE_URL_TTL_MS) return { status: 404, body: { ok: false, error: 'expired_url' } };
  if (record.uses >= RESPONSE_URL_MAX_USES) return { status: 404, body: { ok: false, error: 'used_url' } };
  record.uses += 1;
  let body: Args = isObject(raw) ? raw : {};
  if (typeof body.payload === 'string') body = JSON.parse(body.payload) as Json;
  const channel = ws.channels.get(record.channelId);
  if (!channel) return { status: 404, body: { ok: false, error: 'channel_not_found' } };
  const original = record.originalTs ? ws.findMessage(channel.id, record.originalTs) : undefined;
  try {
    if (truthy(body.delete_original)) {
      if (!original) return { status: 404, body: { ok: false, error: 'message_not_found' } };
      ws.removeMessage(original);
      return { status: 200, body: { ok: true } };
    }
    if (truthy(body.replace_original)) {
      if (!original) return { status: 404, body: { ok: false, error: 'message_not_found' } };
      replaceMessageContent(original, body, true);
      return { status: 200, body: { ok: true } };
    }
    if (body.response_type === 'in_channel') postBotMessage(ctx, channel, body);
    else postBotEphemeral(ctx, channel, record.userId, body);
    return { status: 200, body: { ok: true } };
  } catch (e) {
    if (e instanceof ApiError) return { status: 400, body: { ok: false, error: e.code, ...e.extra } };
    throw e;
  }
}
