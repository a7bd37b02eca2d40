import { mayRequest } from '../../requests/domain/request-policy.ts';
import { listRequests } from '../../requests/use-cases/list-requests.ts';
import type { RequestDeps } from '../../requests/use-cases/request-deps.ts';
import { chooseKindModal } from '../../requests/views/request-modals.ts';
import { requestList } from '../../requests/views/request-list.ts';
import { UserFacingError, type CommandContext, type SubcommandHandler } from '../../platform/commands/command-router.ts';

const USAGE = 'Use `/k8s-infra request` (the form: a DNS record, a staging project or something else) or `/k8s-infra request list`.';

/** `/k8s-infra request [list]`: the kind chooser opens at once; `list` shows the person's requests (and the admins' queue). */
export function requestCommand(deps: RequestDeps): SubcommandHandler {
  return async (ctx: CommandContext) => {
    const arg = ctx.rest.trim().toLowerCase();
    if (arg === 'list') {
      const person = deps.people.find((p) => p.slack === ctx.userId);
      const withQueue = mayRequest('list-queue', { personId: person?.id }, { leads: deps.leads, admins: deps.settings.admins });
      const { mine, queue } = await listRequests(deps, ctx.userId, withQueue);
      const view = requestList(mine, queue);
      await ctx.reply({ response_type: 'ephemeral', text: view.text, blocks: view.blocks });
      return;
    }
    if (arg === 'help') return void (await ctx.reply(USAGE));
    if (arg !== '') throw new UserFacingError(`I do not know \`request ${arg}\`. ${USAGE}`);
    await ctx.ack();
    await ctx.client.views.open({ trigger_id: ctx.triggerId, view: chooseKindModal({ c: ctx.channelId }) });
  };
}
