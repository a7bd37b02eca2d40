import type { CapabilityModule } from '../platform/capability.ts';
import { PAGING_API } from '../escalation/api.ts';
import { statusCommand } from '../handlers/status/status-command.ts';
import { statusConfig } from './config.ts';
import { escalationStatusPager } from './escalation-status-pager.ts';
import { registerStatusRoutes } from './http/status-routes.ts';
import { STATUS_IDS } from './ids.ts';
import { statusAlertJob } from './jobs/status-alert-job.ts';
import { statusPageJob } from './jobs/status-page-job.ts';
import { scheduleCurrentRound, statusRoundJob } from './jobs/status-round-job.ts';
import type { StatusPager } from './ports/status-pager.ts';
import { resolveStatusSettings, type StatusSettings } from './settings.ts';
import { statusMetrics } from './status-metrics.ts';
import { mayHavePosted } from './may-have-posted.ts';
import { statusServices } from './status-services.ts';
import { LeaseAlertLock } from './store/alert-lock.ts';
import * as m0003 from './store/migrations/0003-status.ts';
import { KyselyStatusRepository } from './store/status-repository.ts';

export interface StatusOptions {
  /** Settings beyond infra.yaml's `status:` (tests point Google at local fakes, shorten the schedule). */
  settings?: Partial<StatusSettings>;
  /** Default: pages through the paging capability. */
  pager?: StatusPager;
}

/** Status: probes of the services the group runs, scheduled rounds, alerts, `/status`. */
export function statusModule(options: StatusOptions = {}): CapabilityModule<typeof statusConfig> {
  return {
    name: 'status',
    config: statusConfig,
    migrations: { '0003-status': m0003 },
    ids: STATUS_IDS,
    define(platform, section) {
      const { config, clock, log } = platform;
      const settings = resolveStatusSettings(platform.env.infraConfigPath, section, options.settings);
      const repository = new KyselyStatusRepository(platform.db, platform.commit);
      const services = statusServices({ services: config.services, clock, log, zonesDir: settings.zonesDir, gcp: settings.gcp });
      const deliveries = platform.notifier;
      const pager = options.pager ?? escalationStatusPager({ paging: platform.use(PAGING_API), deliveries, config });
      const schedule = { jobs: platform.jobs, intervalMs: settings.intervalMs };
      const live = { statuses: repository, clock, probeTimeoutMs: settings.probeTimeoutMs };
      const statusPageUrl = `${platform.publicUrl}/status`;
      // An empty note is no note: the answer then ends at the channel.
      const outOfScope = config.outOfScope.map((o) => (o.note ? o : { id: o.id, names: o.names, sig: o.sig, channel: o.channel }));
      return {
        commands: [
          {
            name: 'status',
            usage: 'status [service]',
            summary: 'Health of the services the group runs',
            example: '/k8s-infra status registry',
            handler: statusCommand({ ...live, services, outOfScope, statusPageUrl }),
          },
        ],
        routes: (router) =>
          registerStatusRoutes(router, {
            services: config.services.map((s) => ({ id: s.id, name: s.name, sigs: s.sigs })),
            statuses: repository,
            clock,
            log,
            countRequest: (route, status) => platform.countHttpRequest(route, status),
          }),
        jobs: [
          statusRoundJob.bind({
            ...schedule,
            services,
            checks: repository,
            clock,
            probeTimeoutMs: settings.probeTimeoutMs,
            holdChecks: settings.holdChecks,
            retentionMs: settings.retentionMs,
            metrics: statusMetrics(platform.registry),
            log,
          }),
          statusAlertJob.bind({
            services: config.services,
            deliveries,
            alertsChannel: config.channels.alerts.id ?? config.channels.alerts.name,
            statusPageUrl,
            states: repository,
            lock: new LeaseAlertLock(platform.db),
            clock,
            log,
            mayHavePosted,
          }),
          statusPageJob.bind({ services: config.services, pager, pageRefs: repository }),
        ],
        onReady: async (now) => {
          if (settings.scheduled) await scheduleCurrentRound(schedule, now);
        },
      };
    },
  };
}

export const status = statusModule();
