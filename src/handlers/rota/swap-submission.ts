import type { SlackListeners } from '../../platform/slack/listener-table.ts';
import { selectedUser, selectedValue } from '../../platform/slack/view-values.ts';
import { hasErrors } from '../../rota/domain/validate-override.ts';
import type { SwapErrors } from '../../rota/domain/validate-swap.ts';
import { ROTA_IDS } from '../../rota/ids.ts';
import { proposeSwap, type ProposeSwapDeps } from '../../rota/use-cases/propose-swap.ts';
import { parseSwapOptionValue, SWAP_BLOCKS } from '../../rota/views/rota-swap.ts';

const { actions } = ROTA_IDS;
const FIELD_BLOCKS = [
  ['person', SWAP_BLOCKS.person],
  ['myShift', SWAP_BLOCKS.mine],
  ['theirShift', SWAP_BLOCKS.theirs],
] as const;

/** The swap modal: errors inline on the fields, else the proposal is stored and sent after the ack. */
export function registerSwapSubmission(app: SlackListeners, deps: ProposeSwapDeps): void {
  app.view(ROTA_IDS.callbacks.swap, async ({ ack, view, body }) => {
    const v = view.state.values;
    const submission = {
      viewId: view.id,
      submittedBy: body.user.id,
      counterpart: selectedUser(v, SWAP_BLOCKS.person, actions.swapPerson),
      mine: parseSwapOptionValue(selectedValue(v, SWAP_BLOCKS.mine, actions.swapMine)),
      theirs: parseSwapOptionValue(selectedValue(v, SWAP_BLOCKS.theirs, actions.swapTheirs)),
    };
    await proposeSwap(deps, submission, async (errors?: SwapErrors) => {
      if (!errors || !hasErrors(errors)) return ack();
      const byBlock: Record<string, string> = {};
      for (const [field, block] of FIELD_BLOCKS) {
        const message = errors[field];
        if (message) byBlock[block] = message;
      }
      await ack({ response_action: 'errors', errors: byBlock });
    });
  });
}
