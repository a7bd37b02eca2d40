import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { SlackListeners } from '../../platform/slack/listener-table.ts';
import { ACCESS_IDS } from '../../access/ids.ts';
import { beginDenyAccess, type BeginDenyAccessDeps } from '../../access/use-cases/begin-deny-access.ts';
import { accessDenyModal } from '../../access/views/access-request-modal.ts';
import { tellEphemeral } from '../../platform/slack/ephemeral.ts';

/** Deny on the approval message: a refusal at once, or the modal that asks for the reason. */
export function registerDenyClicked(app: SlackListeners, deps: BeginDenyAccessDeps): void {
  app.action<BlockAction<ButtonAction>>(ACCESS_IDS.actions.deny, async ({ ack, action, body, respond, client }) => {
    await ack();
    const started = await beginDenyAccess(deps, { requestId: action.value ?? '', userId: body.user.id });
    if (started.kind === 'refused') return void (await tellEphemeral({ respond, client, channel: body.channel?.id, user: body.user.id }, started.message));
    const { request } = started;
    await client.views.open({ trigger_id: body.trigger_id, view: accessDenyModal({ request }) });
  });
}
