import { describe, expect, it } from 'vitest';
import type { PageRequest } from '../../../src/status/domain/track-service-state.ts';
import { deliverStatusPage } from '../../../src/status/use-cases/deliver-status-page.ts';
import { FakeStatusPager } from '../helpers/fake-status-pager.ts';
import { InMemoryStatusRepository } from '../helpers/in-memory-status-repository.ts';

const NOW = new Date('2026-11-24T03:15:00Z');
const AT = '2026-11-24T03:15:00.000Z';
const services = [{ id: 'registry', name: 'registry.k8s.io', subproject: 'registry' }];
const trigger: PageRequest = { action: 'trigger', serviceId: 'registry', dedupKey: 'k8s-infra-status/registry', detail: 'HTTP 503' };
const resolve: PageRequest = { ...trigger, action: 'resolve', detail: 'HTTP 200' };

describe('deliverStatusPage', () => {
  it('pages the service’s subproject and remembers the page, then resolves it on recovery', async () => {
    const pager = new FakeStatusPager();
    const pageRefs = new InMemoryStatusRepository();
    await deliverStatusPage({ services, pager, pageRefs }, trigger, AT, NOW);
    expect(pager.calls[0]!.input).toEqual({
      serviceId: 'registry',
      serviceName: 'registry.k8s.io',
      subprojectId: 'registry',
      summary: 'registry.k8s.io is down',
      details: 'HTTP 503',
      key: 'k8s-infra-status/registry@2026-11-24T03:15:00.000Z',
    });
    await deliverStatusPage({ services, pager, pageRefs }, resolve, '2026-11-24T03:30:00.000Z', NOW);
    expect(pager.calls.map((c) => [c.action, c.ref, c.input.details])).toEqual([
      ['trigger', 'status-k8s-infra-status/registry@2026-11-24T03:15:00.000Z', 'HTTP 503'],
      ['resolve', 'status-k8s-infra-status/registry@2026-11-24T03:15:00.000Z', 'HTTP 200'],
    ]);
    expect(await pageRefs.pageRef('registry')).toBeNull();
  });

  it('forgets the page when the engine leaves it open (the pager told people), and resolves nothing it did not raise', async () => {
    const pager = new FakeStatusPager();
    const pageRefs = new InMemoryStatusRepository();
    await deliverStatusPage({ services, pager, pageRefs }, resolve, AT, NOW);
    expect(pager.calls).toEqual([]);
    pager.leaveOpen = true;
    await deliverStatusPage({ services, pager, pageRefs }, trigger, AT, NOW);
    await deliverStatusPage({ services, pager, pageRefs }, resolve, AT, NOW);
    expect(pager.calls.map((c) => c.action)).toEqual(['trigger', 'resolve']);
    expect(await pageRefs.pageRef('registry')).toBeNull();
  });

  it('drops a page for a service removed from the config since', async () => {
    const pager = new FakeStatusPager();
    await deliverStatusPage({ services: [], pager, pageRefs: new InMemoryStatusRepository() }, trigger, AT, NOW);
    expect(pager.calls).toEqual([]);
  });
});
