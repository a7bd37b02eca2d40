import type { RawBody } from '../emulator-interface.ts';
import type { Delivery, RawSendOptions } from '../signed-sender.ts';
import type { InteractionContext } from './context.ts';

/**
 * Any body to the bot, for adversarial tests: bytes as given, an interactivity form whose
 * `payload` is any JSON (`null`, no `user`, `actions` not a list…), any JSON (events,
 * url_verification), or any form (a slash command missing fields).
 */
export function encodeRawBody(body: RawBody): { body: string; contentType: string } {
  const formType = 'application/x-www-form-urlencoded';
  if (typeof body === 'string') return { body, contentType: formType };
  if ('payload' in body) return { body: new URLSearchParams({ payload: String(JSON.stringify(body.payload)) }).toString(), contentType: formType };
  if ('json' in body) return { body: String(JSON.stringify(body.json)), contentType: 'application/json' };
  return { body: new URLSearchParams(body.form).toString(), contentType: formType };
}

export function sendRaw(ix: InteractionContext, raw: RawBody, opts: RawSendOptions = {}): Promise<Delivery> {
  const { body, contentType } = encodeRawBody(raw);
  return ix.sender.send('raw', body, { contentType, ...opts });
}
