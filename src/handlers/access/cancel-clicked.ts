import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { SlackListeners } from '../../platform/slack/listener-table.ts';
import type { Logger } from 'pino';
import { ACCESS_IDS } from '../../access/ids.ts';
import { cancelAccess, type CancelAccessDeps } from '../../access/use-cases/cancel-access.ts';
import { tellEphemeral } from '../../platform/slack/ephemeral.ts';

/** Withdraw on the approval message: ack, ask the domain (requester only), answer only the clicker. */
export function registerCancelClicked(app: SlackListeners, deps: CancelAccessDeps, log: Logger): void {
  app.action<BlockAction<ButtonAction>>(ACCESS_IDS.actions.cancel, async ({ ack, action, body, respond, client }) => {
    await ack();
    const target = { respond, client, channel: body.channel?.id, user: body.user.id };
    try {
      const answer = await cancelAccess(deps, { requestId: action.value ?? '', userId: body.user.id });
      await tellEphemeral(target, answer.message);
    } catch (err) {
      log.error({ err }, 'withdraw failed');
      await tellEphemeral(target, 'Something went wrong withdrawing the request; please try again.');
    }
  });
}
