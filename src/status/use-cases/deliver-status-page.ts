import type { PageRequest } from '../domain/track-service-state.ts';
import type { StatusPageInput, StatusPager } from '../ports/status-pager.ts';
import type { PageRefs } from '../ports/status-repository.ts';

export interface PagedService {
  id: string;
  name: string;
  /** Whose on-call is paged. */
  subproject: string;
}

export interface DeliverStatusPageDeps {
  /** The configured services: a page for a service removed since is dropped. */
  services: readonly PagedService[];
  pager: StatusPager;
  pageRefs: PageRefs;
}

/**
 * Raises the page for a service that went down (remembering the engine's id for it), or resolves
 * the one it raised when the service recovered. `at` (when the state became official, ISO) keys a
 * new page, so a delivery retried after a crash raises one page.
 */
export async function deliverStatusPage(deps: DeliverStatusPageDeps, page: PageRequest, at: string, now: Date): Promise<void> {
  const service = deps.services.find((s) => s.id === page.serviceId);
  if (!service) return;
  const input: StatusPageInput = {
    serviceId: service.id,
    serviceName: service.name,
    subprojectId: service.subproject,
    summary: `${service.name} is down`,
    details: page.detail,
    key: `${page.dedupKey}@${at}`,
  };
  if (page.action === 'trigger') {
    const { ref } = await deps.pager.trigger(input, now);
    await deps.pageRefs.setPageRef(service.id, ref);
    return;
  }
  const ref = await deps.pageRefs.pageRef(service.id);
  if (!ref) return;
  await deps.pager.resolve(ref, input, now);
  await deps.pageRefs.setPageRef(service.id, null);
}
