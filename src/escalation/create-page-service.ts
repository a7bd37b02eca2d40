import type { OnCallDeps } from '../platform/app-deps.ts';
import { createPagerDutyPager } from '../integrations/pagerduty/pagerduty-pager.ts';
import { PageRepository } from './store/page-repository.ts';
import { PageService } from './page-service.ts';
import { pagingMetrics } from './paging-metrics.ts';

/** The paging use cases over the bot's store, Slack and PagerDuty (one per bot: its per-page locks are shared). */
export function createPageService(deps: OnCallDeps): PageService {
  const routingKeyFor = (subprojectId: string): string | undefined => {
    const name = deps.config.subprojects.find((s) => s.id === subprojectId)?.pagerduty?.routingKeyEnv;
    return name ? deps.env.routingKeyFrom(name) : undefined;
  };
  return new PageService({
    config: deps.config,
    people: deps.people,
    onCall: deps.onCall,
    pages: new PageRepository(deps.store.db, deps.store.dialect, deps.jobs, deps.audit),
    jobs: deps.jobs,
    notifier: deps.notifier,
    pager: createPagerDutyPager({ eventsUrl: deps.env.pagerdutyEventsUrl, routingKeyFor, clientUrl: deps.publicUrl, client: 'k8s-infra-bot' }),
    hasPager: (id) => routingKeyFor(id) !== undefined,
    metrics: pagingMetrics(deps.metrics.registry),
    log: deps.log.child({ component: 'paging' }),
    wake: () => deps.jobRunner.wake(),
  });
}
