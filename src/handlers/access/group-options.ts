import type { SlackListeners } from '../../platform/slack/listener-table.ts';
import { ACCESS_IDS } from '../../access/ids.ts';
import { suggestGroups, type SuggestGroupsDeps } from '../../access/use-cases/suggest-groups.ts';
import { groupOptions } from '../../access/views/access-request-modal.ts';

/** Slack waits 3 s for options: answer within that, even while the catalog is still loading. */
const OPTIONS_WAIT_MS = 2500;

/** The request modal's group picker, searched as the person types. */
export function registerGroupOptions(app: SlackListeners, deps: SuggestGroupsDeps): void {
  app.options(ACCESS_IDS.actions.groupSelect, async ({ ack, options }) => {
    await ack({ options: groupOptions(await suggestGroups(deps, options.value ?? '', OPTIONS_WAIT_MS)) });
  });
}
