import type { CapabilityModule } from '../platform/capability.ts';
import { legacyJob } from '../platform/jobs/legacy-job.ts';
import { registerPageActions } from '../handlers/paging/page-actions.ts';
import { pageCommand } from '../handlers/paging/page-command.ts';
import { ROTA_API } from '../rota/api.ts';
import type { PagingApi } from './api.ts';
import { pagingConfig } from './config.ts';
import { createPageService } from './create-page-service.ts';
import { registerPagerDutyWebhook } from './http/pagerduty-webhook.ts';
import { PAGING_IDS } from './ids.ts';
import * as m0005 from './store/migrations/0005-paging.ts';
import { PAGE_JOB_KINDS } from './store/page-repository.ts';

/** Paging: `/k8s-infra page`, the escalation engine walking a policy, PagerDuty in and out. */
export const paging: CapabilityModule<typeof pagingConfig, PagingApi> = {
  name: 'paging',
  config: pagingConfig,
  migrations: { '0005-paging': m0005 },
  ids: PAGING_IDS,
  define(platform) {
    const rota = platform.use(ROTA_API);
    const deps = { ...platform.legacy, onCall: { onCall: (subprojectId: string, at: Date) => rota().onCall(subprojectId, at) } };
    const service = createPageService(deps);
    return {
      commands: [
        { name: 'page', usage: 'page <subproject|service> [summary]', summary: 'Page the on-call (a form when no summary)', example: '/k8s-infra page registry image pulls failing in eu', handler: pageCommand(deps, service) },
      ],
      listeners: (app) => registerPageActions(app, deps, service),
      routes: (router) => registerPagerDutyWebhook(router, deps, service),
      jobs: [
        legacyJob(PAGE_JOB_KINDS.step, (job, ctx) => service.runStepJob(job, ctx)),
        legacyJob(PAGE_JOB_KINDS.notify, (job, ctx) => service.runNotifyJob(job, ctx)),
        legacyJob(PAGE_JOB_KINDS.pager, (job, ctx) => service.runPagerJob(job, ctx)),
        legacyJob(PAGE_JOB_KINDS.post, (job, ctx) => service.runPostJob(job, ctx)),
        legacyJob(PAGE_JOB_KINDS.sync, (job) => service.runSyncJob(job)),
      ],
      api: service,
    };
  },
};
