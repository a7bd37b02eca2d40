import type { CommandContext } from '../../platform/commands/command-router.ts';
import { findStatusTarget, type OutOfScopeEntry } from '../../status/domain/find-status-target.ts';
import { outOfScopeText, serviceStatusText, statusSummaryText, unknownServiceText } from '../../status/domain/status-text.ts';
import type { StatusService } from '../../status/status-services.ts';
import { checkServiceNow } from '../../status/use-cases/check-service-now.ts';
import { readStatusSummary, type ReadStatusSummaryDeps } from '../../status/use-cases/read-status-summary.ts';
import { outOfScopeBlocks, serviceStatusBlocks, statusSummaryBlocks } from '../../status/views/status-blocks.ts';

export interface StatusCommandDeps extends ReadStatusSummaryDeps {
  services: () => readonly StatusService[];
  /** Services other SIGs run: questions about them are routed there. */
  outOfScope: readonly OutOfScopeEntry[];
  statusPageUrl: string;
}

/**
 * `/k8s-infra status [service]`. Acks at once; the summary reads stored rounds (services never
 * checked yet are checked live), a named service has every probe run live. Either way the answer
 * comes within the probe timeout. Anyone may ask: status is public.
 */
export function statusCommand(deps: StatusCommandDeps) {
  return async (ctx: CommandContext): Promise<void> => {
    await ctx.ack();
    const services = deps.services();
    const query = ctx.rest.trim();
    if (!query) {
      const statuses = await readStatusSummary(deps, services, ctx.now);
      const now = deps.clock.now();
      await ctx.reply({ response_type: 'ephemeral', text: statusSummaryText(statuses, now), blocks: statusSummaryBlocks(statuses, now, { statusPageUrl: deps.statusPageUrl }) });
      return;
    }
    const target = findStatusTarget(query, services, deps.outOfScope);
    if (target.kind === 'out-of-scope') {
      await ctx.reply({ response_type: 'ephemeral', text: outOfScopeText(target.entry, query), blocks: outOfScopeBlocks(target.entry, query) });
      return;
    }
    if (target.kind === 'unknown') {
      await ctx.reply({ response_type: 'ephemeral', text: unknownServiceText(target, services) });
      return;
    }
    const status = await checkServiceNow(deps, target.service, ctx.now);
    const now = deps.clock.now();
    await ctx.reply({ response_type: 'ephemeral', text: serviceStatusText(status, now), blocks: serviceStatusBlocks(status, now) });
  };
}
