import type { CloseViewArgs, DeliveryResult } from '../emulator-interface.ts';
import { actorOf, deliveryResult, identityFields, payloadForm, popModal, viewPayload, type InteractionContext } from './context.ts';

/** The person closes the top modal; the bot hears of it (view_closed) only with notify_on_close. */
export async function closeView(ix: InteractionContext, args: CloseViewArgs): Promise<DeliveryResult> {
  const record = ix.ws.views.get(args.viewId);
  const stack = ix.ws.modalStack(args.userId);
  if (!record || stack.at(-1) !== args.viewId) throw new Error(`view ${args.viewId} is not on top of ${args.userId}'s modal stack`);
  const cleared = record.view.clear_on_close;
  popModal(ix, args.userId, cleared);
  if (!record.view.notify_on_close) return { ok: true, status: null, ackMs: 0 };
  const actor = actorOf(ix, args.userId, args.fromTeam);
  const d = await ix.sender.send('view_closed', payloadForm({
    type: 'view_closed', ...identityFields(ix, actor), view: viewPayload(record.view, actor), is_cleared: cleared,
  }));
  return deliveryResult(d);
}
