import { searchDecisions } from '../../changes/use-cases/search-decisions.ts';
import { decisionsList } from '../../changes/views/change-messages.ts';
import type { CommandContext, SubcommandHandler } from '../../platform/commands/command-router.ts';
import type { ChangeHandlerDeps } from './handler-deps.ts';

/** `/k8s-infra decisions [query]`: the decisions log, each with its issue, PR and mailing-list links. */
export function decisionsCommand(deps: ChangeHandlerDeps): SubcommandHandler {
  return async (ctx: CommandContext) => {
    const m = decisionsList(await searchDecisions(deps, ctx.rest), ctx.rest);
    await ctx.reply({ response_type: 'ephemeral', text: m.text, blocks: m.blocks });
  };
}
