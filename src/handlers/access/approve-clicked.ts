import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { SlackListeners } from '../../platform/slack/listener-table.ts';
import type { Logger } from 'pino';
import { ACCESS_IDS } from '../../access/ids.ts';
import { approveAccess, type ApproveAccessDeps } from '../../access/use-cases/approve-access.ts';
import { tellEphemeral } from '../../platform/slack/ephemeral.ts';

/** Approve on the approval message: ack, record, tell the approver how it went (only they see it). */
export function registerApproveClicked(app: SlackListeners, deps: ApproveAccessDeps, log: Logger): void {
  app.action<BlockAction<ButtonAction>>(ACCESS_IDS.actions.approve, async ({ ack, action, body, respond, client }) => {
    await ack();
    const target = { respond, client, channel: body.channel?.id, user: body.user.id };
    try {
      const answer = await approveAccess(deps, { requestId: action.value ?? '', userId: body.user.id });
      await tellEphemeral(target, answer.message);
    } catch (err) {
      log.error({ err }, 'approve failed');
      await tellEphemeral(target, 'Something went wrong recording your approval; please try again.');
    }
  });
}
