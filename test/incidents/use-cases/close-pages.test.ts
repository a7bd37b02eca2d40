import { describe, expect, it } from 'vitest';
import { closePages } from '../../../src/incidents/use-cases/close-pages.ts';
import { anIncident, DIMS, incidentTestDeps } from '../helpers/fakes.ts';

describe('closePages', () => {
  it('resolves each page on behalf of the resolver, notes a refusal, and notes each once', async () => {
    const deps = incidentTestDeps();
    deps.incidents.put(anIncident({ status: 'resolved', pages: { registry: 'page-registry', dns: 'page-dns' } }));
    deps.pager.refuse.add('page-dns');
    await closePages(deps, 'inc-1', DIMS);
    await closePages(deps, 'inc-1', DIMS);
    expect(deps.pager.resolved).toEqual([
      { pageId: 'page-registry', by: DIMS },
      { pageId: 'page-registry', by: DIMS },
    ]);
    expect((await deps.incidents.timeline('inc-1')).filter((e) => e.kind === 'note').map((e) => e.text)).toEqual([
      'Page for registry resolved',
      'Page for dns left open (not an owner); an owner or lead should resolve it',
    ]);
    expect(deps.notifier.updates).toHaveLength(2);
  });
});
