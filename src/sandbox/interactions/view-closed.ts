import type { DeliveryResult } from '../emulator-interface.ts';
import { viewOut } from '../web-api/serialize.ts';
import { deliveryResult, payloadForm, popModal, teamRef, userRef, VERIFICATION_TOKEN, type InteractionContext } from './context.ts';

/** The person closes the top modal; the bot hears of it (view_closed) only with notify_on_close. */
export async function closeView(ix: InteractionContext, args: { userId: string; viewId: string }): Promise<DeliveryResult> {
  const record = ix.ws.views.get(args.viewId);
  const stack = ix.ws.modalStack(args.userId);
  if (!record || stack.at(-1) !== args.viewId) throw new Error(`view ${args.viewId} is not on top of ${args.userId}'s modal stack`);
  const cleared = record.view.clear_on_close;
  popModal(ix, args.userId, cleared);
  if (!record.view.notify_on_close) return { ok: true, status: null, ackMs: 0 };
  const d = await ix.sender.send('view_closed', payloadForm({
    type: 'view_closed', team: teamRef(ix), user: userRef(ix, args.userId), api_app_id: ix.identity.appId, token: VERIFICATION_TOKEN,
    view: viewOut(record.view), is_cleared: cleared, enterprise: null, is_enterprise_install: false,
  }));
  return deliveryResult(d);
}
