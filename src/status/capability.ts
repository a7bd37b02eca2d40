import type { CapabilityModule } from '../platform/capability.ts';
import { PAGING_API } from '../escalation/api.ts';
import { statusCommand } from '../handlers/status/status-command.ts';
import { statusConfig } from './config.ts';
import { escalationStatusPager } from './escalation-status-pager.ts';
import { registerStatusRoutes } from './http/status-routes.ts';
import { STATUS_IDS } from './ids.ts';
import { bootstrapSchedule, runAlertJob, runPageJob, runRoundJob } from './jobs/status-jobs.ts';
import type { StatusPager } from './ports/status-pager.ts';
import { StatusRuntime, type StatusSettings } from './status-runtime.ts';
import * as m0003 from './store/migrations/0003-status.ts';
import { STATUS_JOB_KINDS } from './store/status-repository.ts';
import { legacyJob } from '../platform/jobs/legacy-job.ts';

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
      const deps = platform.legacy;
      const pager = options.pager ?? escalationStatusPager({ paging: platform.use(PAGING_API), notifier: platform.notifier, config: platform.config });
      const runtime = new StatusRuntime(deps, section, pager, options.settings);
      return {
        commands: [{ name: 'status', usage: 'status [service]', summary: 'Health of the services the group runs', example: '/k8s-infra status registry', handler: statusCommand(deps, runtime) }],
        routes: (router) => registerStatusRoutes(router, deps, runtime),
        jobs: [
          legacyJob(STATUS_JOB_KINDS.round, (job, ctx) => runRoundJob(deps, runtime, job, ctx)),
          legacyJob(STATUS_JOB_KINDS.alert, (job) => runAlertJob(deps, runtime, job)),
          legacyJob(STATUS_JOB_KINDS.page, (job, ctx) => runPageJob(deps, runtime, job, ctx)),
        ],
        onReady: (now) => bootstrapSchedule(deps, runtime, now),
      };
    },
  };
}

export const status = statusModule();
