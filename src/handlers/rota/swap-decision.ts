import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { SlackListeners } from '../../platform/slack/listener-table.ts';
import { tellEphemeral } from '../../platform/slack/ephemeral.ts';
import { ROTA_IDS } from '../../rota/ids.ts';
import { decideSwap, type DecideSwapDeps } from '../../rota/use-cases/decide-swap.ts';

/** Accept and Decline on a swap proposal (the button's value is the swap id). Ack first: deciding reads and writes the database. */
export function registerSwapDecision(app: SlackListeners, deps: DecideSwapDeps): void {
  for (const [actionId, decision] of [
    [ROTA_IDS.actions.swapAccept, 'accepted'],
    [ROTA_IDS.actions.swapDecline, 'declined'],
  ] as const) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, action, body, respond, client }) => {
      await ack();
      await decideSwap(
        deps,
        { swapId: action.value ?? '', decision, slackUser: body.user.id },
        {
          tell: (text) => tellEphemeral({ respond, client, channel: body.channel?.id, user: body.user.id }, text),
          replace: async (message) => {
            await respond({ replace_original: true, ...message });
          },
        },
      );
    });
  }
}
