import { describe, expect, it } from 'vitest';
import { raisePage } from '../../../src/escalation/use-cases/raise-page.ts';
import { resolvePageOnBehalf } from '../../../src/escalation/use-cases/resolve-page-on-behalf.ts';
import { REFERENCE, directory, minutesAfter } from '../domain/directory-fixture.ts';
import { inMemoryPaging, REQUEST } from '../in-memory-paging.ts';

describe('resolvePageOnBehalf', () => {
  it('resolves on the calling capability’s authority, with its reason in the audit log', async () => {
    const deps = inMemoryPaging(directory({ primary: 'priya', owners: ['sam'] }));
    const { page } = await raisePage(deps, REQUEST, REFERENCE);
    const r = await resolvePageOnBehalf(deps, { pageId: page.id, actor: 'k8s-infra-bot:status', reason: 'registry recovered' }, minutesAfter(REFERENCE, 4));
    expect(r?.kind).toBe('resolved');
    expect(r?.state).toMatchObject({ status: 'resolved', resolvedBy: 'k8s-infra-bot:status' });
    expect(deps.pages.audits(page.id).at(-1)).toEqual({ actor: 'k8s-infra-bot:status', action: 'page.resolved', payload: { via: 'system', reason: 'registry recovered' } });
    expect(deps.metrics.settled).toEqual([`${page.id}:resolved`]);
    // Retried (a probe that sees the recovery twice): nothing more.
    expect((await resolvePageOnBehalf(deps, { pageId: page.id, actor: 'k8s-infra-bot:status', reason: 'again' }, minutesAfter(REFERENCE, 5)))?.kind).toBe('already-resolved');
    expect(deps.pages.audits(page.id)).toHaveLength(2);
    expect(await resolvePageOnBehalf(deps, { pageId: 'nope', actor: 'x', reason: 'y' }, REFERENCE)).toBeUndefined();
  });
});
