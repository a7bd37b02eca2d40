import type { LegacyDeps as AppDeps } from '../../platform/app-deps.ts';
import { findStatusTarget } from '../../status/domain/find-status-target.ts';
import { checkServices } from '../../status/domain/run-status-checks.ts';
import { readServiceStatuses, type ServiceStatus } from '../../status/domain/service-status.ts';
import { outOfScopeBlocks, serviceStatusBlocks, statusSummaryBlocks } from '../../status/views/status-blocks.ts';
import { outOfScopeText, serviceStatusText, statusSummaryText, unknownServiceText } from '../../status/domain/status-text.ts';
import type { CommandContext } from '../../platform/commands/command-router.ts';
import type { StatusRuntime, StatusService } from '../../status/status-runtime.ts';

/**
 * `/k8s-infra status [service]`. Acks at once; the summary reads stored rounds (services never
 * checked yet are checked live), a named service has every probe run live. Either way the answer
 * comes within the probe timeout.
 */
export function statusCommand(deps: AppDeps, runtime: StatusRuntime) {
  return async (ctx: CommandContext): Promise<void> => {
    await ctx.ack();
    const services = runtime.services();
    const query = ctx.rest.trim();
    if (!query) {
      const statuses = await readServiceStatuses(services, runtime.repository, ctx.now);
      const fresh = await withLiveChecks(deps, runtime, services, statuses);
      const now = deps.clock.now();
      await ctx.reply({ response_type: 'ephemeral', text: statusSummaryText(fresh, now), blocks: statusSummaryBlocks(fresh, now, { statusPageUrl: `${deps.publicUrl}/status` }) });
      return;
    }
    const outOfScope = deps.config.outOfScope.map((o) => (o.note ? o : { id: o.id, names: o.names, sig: o.sig, channel: o.channel }));
    const target = findStatusTarget<StatusService>(query, services, outOfScope);
    if (target.kind === 'out-of-scope') {
      await ctx.reply({ response_type: 'ephemeral', text: outOfScopeText(target.entry, query), blocks: outOfScopeBlocks(target.entry, query) });
      return;
    }
    if (target.kind === 'unknown') {
      await ctx.reply({ response_type: 'ephemeral', text: unknownServiceText(target, services) });
      return;
    }
    const [stored] = await readServiceStatuses([target.service], runtime.repository, ctx.now);
    const [live] = await checkServices([target.service], { clock: deps.clock, timeoutMs: runtime.settings.probeTimeoutMs });
    const now = deps.clock.now();
    const status: ServiceStatus = { ...stored!, probes: live!.probes, detail: live!.detail, lastCheckedAt: live!.checkedAt };
    if (!status.confirmed) status.state = live!.state;
    await ctx.reply({ response_type: 'ephemeral', text: serviceStatusText(status, now), blocks: serviceStatusBlocks(status, now) });
  };
}

/** A service no round has checked yet (just deployed, just added) is checked now rather than shown blank. */
async function withLiveChecks(deps: AppDeps, runtime: StatusRuntime, services: readonly StatusService[], statuses: ServiceStatus[]): Promise<ServiceStatus[]> {
  const unchecked = services.filter((_, i) => statuses[i]!.lastCheckedAt === null && services[i]!.probes.length > 0);
  if (unchecked.length === 0) return statuses;
  const live = new Map((await checkServices(unchecked, { clock: deps.clock, timeoutMs: runtime.settings.probeTimeoutMs })).map((c) => [c.serviceId, c]));
  return statuses.map((s) => {
    const c = live.get(s.id);
    return c ? { ...s, state: c.state, detail: c.detail, lastCheckedAt: c.checkedAt, probes: c.probes } : s;
  });
}
