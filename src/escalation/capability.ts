import { Counter } from 'prom-client';
import type { CapabilityModule } from '../platform/capability.ts';
import { pageCommand } from '../handlers/paging/page-command.ts';
import { registerPagingListeners } from '../handlers/paging/register-paging-listeners.ts';
import { createPagerDutyPager } from '../integrations/pagerduty/pagerduty-pager.ts';
import { ROTA_API } from '../rota/api.ts';
import type { PagingApi } from './api.ts';
import { pagingConfig } from './config.ts';
import { registerPagerDutyWebhook } from './http/pagerduty-webhook.ts';
import { PAGING_IDS } from './ids.ts';
import { pageNotifyJob } from './jobs/page-notify.ts';
import { pagePagerJob } from './jobs/page-pager.ts';
import { pagePostJob } from './jobs/page-post.ts';
import { pageStepJob } from './jobs/page-step.ts';
import { pageSyncJob } from './jobs/page-sync.ts';
import { pagingDeps } from './paging-deps.ts';
import { prometheusPagingMetrics } from './prometheus-paging-metrics.ts';
import * as m0005 from './store/migrations/0005-paging.ts';
import { acknowledgePage } from './use-cases/acknowledge-page.ts';
import { applyPagerEvent } from './use-cases/apply-pager-event.ts';
import { escalatePage } from './use-cases/escalate-page.ts';
import { listOpenPages } from './use-cases/list-open-pages.ts';
import { raisePage } from './use-cases/raise-page.ts';
import { resolvePageOnBehalf } from './use-cases/resolve-page-on-behalf.ts';
import { resolvePage } from './use-cases/resolve-page.ts';

/** Paging: `/k8s-infra page`, the escalation engine walking a policy, PagerDuty in and out. */
export const paging: CapabilityModule<typeof pagingConfig, PagingApi> = {
  name: 'paging',
  config: pagingConfig,
  migrations: { '0005-paging': m0005 },
  ids: PAGING_IDS,
  define(platform, policies) {
    const routingKeyFor = (subprojectId: string): string | undefined => {
      const name = platform.config.subprojects.find((s) => s.id === subprojectId)?.pagerduty?.routingKeyEnv;
      return name ? platform.env.routingKeyFrom(name) : undefined;
    };
    const log = platform.log.child({ component: 'paging' });
    const deps = pagingDeps({
      db: platform.db,
      dialect: platform.dialect,
      commit: platform.commit,
      config: platform.config,
      policies,
      rota: platform.use(ROTA_API),
      people: platform.people,
      notifier: platform.notifier,
      pager: createPagerDutyPager({ eventsUrl: platform.env.pagerdutyEventsUrl, routingKeyFor, clientUrl: platform.publicUrl, client: 'k8s-infra-bot' }),
      hasPager: (id) => routingKeyFor(id) !== undefined,
      metrics: prometheusPagingMetrics(platform.registry),
      log,
    });
    const api: PagingApi = {
      raise: (input, now) => raisePage(deps, input, now),
      resolveOnBehalf: (pageId, actor, reason, now) => resolvePageOnBehalf(deps, { pageId, actor, reason }, now),
      openPages: () => listOpenPages(deps),
    };
    // The platform's HTTP counter is on the shared registry; Platform does not hand it out (yet).
    const httpRequests = platform.registry.getSingleMetric('k8s_infra_bot_http_requests_total');
    return {
      commands: [
        {
          name: 'page',
          usage: 'page <subproject|service> [summary]',
          summary: 'Page the on-call (a form when no summary)',
          example: '/k8s-infra page registry image pulls failing in eu',
          handler: pageCommand({ config: platform.config, people: platform.people, raisePage: api.raise, listOpenPages: api.openPages }),
        },
      ],
      listeners: (app) =>
        registerPagingListeners(app, {
          people: platform.people,
          clock: platform.clock,
          acknowledgePage: (input, now) => acknowledgePage(deps, input, now),
          escalatePage: (input, now) => escalatePage(deps, input, now),
          resolvePage: (input, now) => resolvePage(deps, input, now),
          raisePage: api.raise,
        }),
      routes: (router) =>
        registerPagerDutyWebhook(router, {
          secrets: platform.env.secrets.pagerdutyWebhookSecrets,
          clock: platform.clock,
          log,
          countRequest: (status) => {
            if (httpRequests instanceof Counter) httpRequests.inc({ route: '/webhooks/pagerduty', status });
          },
          applyPagerEvent: (event, now) => applyPagerEvent(deps, event, now),
        }),
      jobs: [pageStepJob.bind(deps), pageNotifyJob.bind(deps), pagePagerJob.bind(deps), pagePostJob.bind(deps), pageSyncJob.bind(deps)],
      api,
    };
  },
};
