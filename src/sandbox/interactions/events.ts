import type { EventResult, SendEventOptions } from '../emulator-interface.ts';
import type { Json } from '../slack-workspace.ts';
import { deliveryResult, VERIFICATION_TOKEN, type InteractionContext } from './context.ts';

/**
 * The Events API envelope Slack wraps every event in. The envelope names the installation the
 * event is delivered to (ours); who acted, and from which workspace, is inside the event.
 */
function envelope(ix: InteractionContext, event: Json, eventId: string, opts: SendEventOptions): Json {
  const { identity } = ix;
  const enterpriseId = identity.enterpriseId ?? null;
  const body: Json = {
    token: VERIFICATION_TOKEN, team_id: identity.teamId, ...(enterpriseId ? { enterprise_id: enterpriseId } : {}),
    context_team_id: identity.teamId, context_enterprise_id: enterpriseId,
    api_app_id: identity.appId, event, type: 'event_callback',
    event_id: eventId, event_time: Math.floor(ix.clock.now().getTime() / 1000),
    authorizations: [{ enterprise_id: enterpriseId, team_id: identity.teamId, user_id: identity.botUserId, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: opts.extShared ?? false, event_context: `4-${Buffer.from(eventId).toString('base64url')}`,
  };
  for (const [k, v] of Object.entries(opts.envelope ?? {})) {
    if (v === undefined) delete body[k];
    else body[k] = v;
  }
  return body;
}

function retryHeaders(num?: number, reason?: string): Record<string, string> {
  return num === undefined ? {} : { 'X-Slack-Retry-Num': String(num), 'X-Slack-Retry-Reason': reason ?? 'http_timeout' };
}

/**
 * Sends an Events API event_callback. Sending an eventId again sends the very same envelope (a
 * retry); `retries: true` retries like Slack (up to 3 times, immediately here) while the bot does
 * not ack 2xx in time.
 */
export async function sendEvent(ix: InteractionContext, event: Json, opts: SendEventOptions = {}): Promise<EventResult> {
  const eventId = opts.eventId ?? ix.ws.nextId('Ev');
  const body = ix.events.get(eventId) ?? envelope(ix, event, eventId, opts);
  ix.events.set(eventId, body);
  const json = JSON.stringify(body);
  let d = await ix.sender.send('event_callback', json, { contentType: 'application/json', headers: retryHeaders(opts.retryNum, opts.retryReason) });
  for (let n = 1; opts.retries && d.error && n <= 3; n += 1) {
    d = await ix.sender.send('event_callback', json, {
      contentType: 'application/json', headers: retryHeaders(n, d.error === 'operation_timeout' ? 'http_timeout' : 'http_error'),
    });
  }
  return { ...deliveryResult(d), eventId };
}
