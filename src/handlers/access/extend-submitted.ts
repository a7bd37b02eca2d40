import type { SlackListeners } from '../../platform/slack/listener-table.ts';
import { ACCESS_IDS } from '../../access/ids.ts';
import { requestExtension, type ExtendAccessDeps } from '../../access/use-cases/extend-access.ts';
import { extendModalRequestId } from '../../access/views/extend-access-modal.ts';
import { stableId } from '../../platform/slack/stable-id.ts';
import { selectedDate, textValue } from '../../platform/slack/view-values.ts';

const { actions: A, blocks: B } = ACCESS_IDS;

/** The Extend modal submitted: errors inline, or the extension request made (posted from the outbox). */
export function registerExtendSubmitted(app: SlackListeners, deps: ExtendAccessDeps): void {
  app.view(ACCESS_IDS.callbacks.extend, async ({ ack, view, body }) => {
    const originalId = extendModalRequestId.safeParse(view.private_metadata);
    if (!originalId.success) return void (await ack({ response_action: 'errors', errors: { [B.extendUntil]: 'This form is not one the bot opened; start again from the reminder.' } }));
    const result = await requestExtension(deps, {
      id: stableId('ar-', `${view.id}:${body.user.id}`),
      originalId: originalId.data,
      userId: body.user.id,
      until: selectedDate(view.state.values, B.extendUntil, A.extendUntil) ?? '',
      justification: textValue(view.state.values, B.extendJustification, A.extendJustification),
    });
    if (result.ok) return void (await ack());
    const { until, justification, request } = result.errors;
    await ack({ response_action: 'errors', errors: { ...(until || request ? { [B.extendUntil]: (until ?? request)! } : {}), ...(justification ? { [B.extendJustification]: justification } : {}) } });
  });
}
