import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { SlackListeners } from '../../platform/slack/listener-table.ts';
import type { Logger } from 'pino';
import { ACCESS_IDS } from '../../access/ids.ts';
import { endAccessNow, type EndAccessNowDeps } from '../../access/use-cases/end-access-now.ts';
import { tellEphemeral } from '../../platform/slack/ephemeral.ts';

/** End now on a reminder: ack, ask the domain (requester or approvers), answer only the clicker. */
export function registerEndNowClicked(app: SlackListeners, deps: EndAccessNowDeps, log: Logger): void {
  app.action<BlockAction<ButtonAction>>(ACCESS_IDS.actions.endNow, async ({ ack, action, body, respond, client }) => {
    await ack();
    const target = { respond, client, channel: body.channel?.id, user: body.user.id };
    try {
      await tellEphemeral(target, (await endAccessNow(deps, { requestId: action.value ?? '', userId: body.user.id })).message);
    } catch (err) {
      log.error({ err }, 'end now failed');
      await tellEphemeral(target, 'Something went wrong ending the access; please try again.');
    }
  });
}
