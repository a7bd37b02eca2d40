import type { AppDeps } from '../platform/app-deps.ts';
import { createPagerDutyPager } from '../integrations/pagerduty/pagerduty-pager.ts';
import { PageRepository } from './store/page-repository.ts';
import { PageService } from './page-service.ts';
import { pagingMetrics } from './paging-metrics.ts';

const services = new WeakMap<AppDeps, PageService>();

/** One PageService per bot (handlers and the PagerDuty webhook share it, and its per-page locks). */
export function pageServiceFor(deps: AppDeps): PageService {
  let service = services.get(deps);
  if (service) return service;
  const routingKeyFor = (subprojectId: string): string | undefined => {
    const name = deps.config.subprojects.find((s) => s.id === subprojectId)?.pagerduty?.routingKeyEnv;
    return name ? deps.env.routingKeyFrom(name) : undefined;
  };
  service = new PageService({
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
  services.set(deps, service);
  return service;
}
