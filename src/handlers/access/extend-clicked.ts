import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { SlackListeners } from '../../platform/slack/listener-table.ts';
import { ACCESS_IDS } from '../../access/ids.ts';
import { beginExtendAccess, type ExtendAccessDeps } from '../../access/use-cases/extend-access.ts';
import { extendAccessModal } from '../../access/views/extend-access-modal.ts';
import { tellEphemeral } from '../../platform/slack/ephemeral.ts';

/** Extend on a reminder: the requester gets the modal; anyone else a refusal only they see. */
export function registerExtendClicked(app: SlackListeners, deps: ExtendAccessDeps): void {
  app.action<BlockAction<ButtonAction>>(ACCESS_IDS.actions.extend, async ({ ack, action, body, respond, client }) => {
    await ack();
    const started = await beginExtendAccess(deps, { requestId: action.value ?? '', userId: body.user.id });
    if (started.kind === 'refused') return void (await tellEphemeral({ respond, client, channel: body.channel?.id, user: body.user.id }, started.message));
    await client.views.open({ trigger_id: body.trigger_id, view: extendAccessModal(started.request) });
  });
}
