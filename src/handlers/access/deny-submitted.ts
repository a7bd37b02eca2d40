import type { SlackListeners } from '../../platform/slack/listener-table.ts';
import type { Logger } from 'pino';
import type { Notifier } from '../../core/notifier.ts';
import { ACCESS_IDS } from '../../access/ids.ts';
import { denyAccess, type DenyAccessDeps } from '../../access/use-cases/deny-access.ts';
import { denyModalRequestId } from '../../access/views/access-request-modal.ts';
import { onlyTextIn } from '../../platform/slack/view-values.ts';

const REASON = ACCESS_IDS.blocks.denyReason;

/**
 * The reason modal submitted: a missing reason or a refusal stays in the modal; when someone
 * decided first the modal closes and the denier hears it in a DM (the modal has no channel).
 */
export function registerDenySubmitted(app: SlackListeners, deps: DenyAccessDeps, notifier: Notifier, log: Logger): void {
  app.view(ACCESS_IDS.callbacks.deny, async ({ ack, view, body }) => {
    const reason = onlyTextIn(view.state.values, REASON).trim();
    if (!reason) return void (await ack({ response_action: 'errors', errors: { [REASON]: 'Give the requester a reason.' } }));
    const requestId = denyModalRequestId.safeParse(view.private_metadata);
    if (!requestId.success) return void (await ack());
    const result = await denyAccess(deps, { requestId: requestId.data, userId: body.user.id, reason });
    if (result.outcome === 'refused') return void (await ack({ response_action: 'errors', errors: { [REASON]: result.message } }));
    await ack();
    if (result.outcome === 'already-decided') await notifier.dm(body.user.id, { text: result.message }).catch((err: unknown) => log.warn({ err }, 'could not tell the denier'));
  });
}
