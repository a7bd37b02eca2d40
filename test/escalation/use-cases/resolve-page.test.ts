import { describe, expect, it } from 'vitest';
import { acknowledgePage } from '../../../src/escalation/use-cases/acknowledge-page.ts';
import { raisePage } from '../../../src/escalation/use-cases/raise-page.ts';
import { resolvePage } from '../../../src/escalation/use-cases/resolve-page.ts';
import { REFERENCE, directory, minutesAfter } from '../domain/directory-fixture.ts';
import { inMemoryPaging, person, REQUEST } from '../in-memory-paging.ts';

async function raised() {
  const deps = inMemoryPaging(directory({ primary: 'priya', owners: ['sam'], leads: ['thockin'] }), { participants: ['bernd', 'priya'] });
  const { page } = await raisePage(deps, REQUEST, REFERENCE);
  return { deps, pageId: page.id };
}

describe('resolvePage', () => {
  it('refuses someone who is neither the acknowledger, an owner, a participant nor a lead, and changes nothing', async () => {
    const { deps, pageId } = await raised();
    const r = await resolvePage(deps, { pageId, actor: person('lucy') }, minutesAfter(REFERENCE, 1));
    expect(r).toMatchObject({ kind: 'not-allowed', message: "Only whoever acknowledged it, the owners of registry, the participants of its rotations and the group's leads may resolve this page." });
    expect(deps.pages.changes).toHaveLength(1);
    expect(deps.metrics.settled).toEqual([]);
    expect(deps.audit.entries.map((e) => [e.actor, e.payload])).toEqual([['lucy', { action: 'resolve', reason: 'no-role' }]]);
  });

  it('lets the acknowledger resolve, audits it and observes the time to resolve', async () => {
    const { deps, pageId } = await raised();
    await acknowledgePage(deps, { pageId, actor: person('priya') }, minutesAfter(REFERENCE, 1));
    const r = await resolvePage(deps, { pageId, actor: person('priya') }, minutesAfter(REFERENCE, 30));
    expect(r?.kind).toBe('resolved');
    expect(deps.pages.audits(pageId).at(-1)).toEqual({ actor: 'priya', action: 'page.resolved', payload: { via: 'slack' } });
    expect(deps.metrics.settled).toEqual([`${pageId}:acknowledged`, `${pageId}:resolved`]);
  });

  it('lets an owner, a participant or a lead resolve a page nobody acknowledged; a second resolution says who was first', async () => {
    for (const by of ['sam', 'bernd', 'thockin']) {
      const { deps, pageId } = await raised();
      expect((await resolvePage(deps, { pageId, actor: person(by) }, minutesAfter(REFERENCE, 1)))?.kind).toBe('resolved');
      expect(await resolvePage(deps, { pageId, actor: person('thockin') }, minutesAfter(REFERENCE, 2))).toMatchObject({ kind: 'already-resolved', resolvedBy: by });
    }
  });

  it('answers undefined for an unknown page', async () => {
    const { deps } = await raised();
    expect(await resolvePage(deps, { pageId: 'nope', actor: person('sam') }, REFERENCE)).toBeUndefined();
  });
});
