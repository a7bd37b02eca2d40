import { describe, expect, it } from 'vitest';
import { acknowledge } from '../../../src/escalation/domain/escalation-engine.ts';
import { acknowledgePage } from '../../../src/escalation/use-cases/acknowledge-page.ts';
import { raisePage } from '../../../src/escalation/use-cases/raise-page.ts';
import { resolvePageOnBehalf } from '../../../src/escalation/use-cases/resolve-page-on-behalf.ts';
import { REFERENCE, directory, minutesAfter } from '../domain/directory-fixture.ts';
import { inMemoryPaging, person, REQUEST, stranger } from '../in-memory-paging.ts';

async function raised(options: { hasPager?: boolean } = {}) {
  const deps = inMemoryPaging(directory({ primary: 'priya', owners: ['sam'] }), options);
  const { page } = await raisePage(deps, REQUEST, REFERENCE);
  return { deps, pageId: page.id };
}

describe('acknowledgePage', () => {
  it('acknowledges, cancels the next step, audits and observes the time to acknowledge', async () => {
    const { deps, pageId } = await raised();
    const r = await acknowledgePage(deps, { pageId, actor: person('priya') }, minutesAfter(REFERENCE, 2));
    expect(r?.kind).toBe('acknowledged');
    expect(r?.state).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'priya', acknowledgedAt: '2026-11-24T03:14:00.000Z' });
    expect(deps.pages.effectsOf(pageId, 'cancel-next-step')).toEqual([{ kind: 'cancel-next-step', pageId }]);
    expect(deps.pages.audits(pageId).at(-1)).toEqual({ actor: 'priya', action: 'page.acknowledged', payload: { via: 'slack' } });
    expect(deps.metrics.settled).toEqual([`${pageId}:acknowledged`]);
    expect(deps.audit.entries).toEqual([]);
    // Everyone the page is about gets their Home tab republished: the notified, who raised it, who took it.
    expect(deps.homeRefreshes).toEqual([expect.arrayContaining(['priya', 'nina'])]);
  });

  it('refuses someone the page did not notify who is no owner, participant or lead, and someone not in the config: nothing changes, the refusal is audited', async () => {
    const { deps, pageId } = await raised();
    const changes = deps.pages.changes.length;
    const lucy = await acknowledgePage(deps, { pageId, actor: person('lucy') }, minutesAfter(REFERENCE, 1));
    expect(lucy).toMatchObject({ kind: 'not-allowed', message: "Only the people this page notified, the owners of registry, the participants of its rotations and the group's leads may acknowledge this page." });
    const outsider = await acknowledgePage(deps, { pageId, actor: stranger('U0MALLORY') }, minutesAfter(REFERENCE, 2));
    expect(outsider?.kind).toBe('not-allowed');
    expect(outsider && 'message' in outsider ? outsider.message : '').toContain("You are not in the bot's config");
    expect(deps.pages.changes).toHaveLength(changes);
    expect((await deps.pages.load(pageId))?.status).toBe('triggered');
    expect(deps.audit.entries.map((e) => [e.actor, e.action, e.subject, e.payload])).toEqual([
      ['lucy', 'page.refused', `page:${pageId}`, { action: 'acknowledge', reason: 'no-role' }],
      ['U0MALLORY', 'page.refused', `page:${pageId}`, { action: 'acknowledge', reason: 'not-in-config', notInConfig: true }],
    ]);
  });

  it('tells PagerDuty when it knows the alert', async () => {
    const { deps, pageId } = await raised({ hasPager: true });
    await acknowledgePage(deps, { pageId, actor: person('priya') }, minutesAfter(REFERENCE, 2));
    expect(deps.pages.effectsOf(pageId, 'pager').map((e) => e.action)).toEqual(['trigger', 'acknowledge']);
  });

  it('is idempotent: a second click changes nothing and says who was first', async () => {
    const { deps, pageId } = await raised();
    await acknowledgePage(deps, { pageId, actor: person('priya') }, minutesAfter(REFERENCE, 2));
    const changes = deps.pages.changes.length;
    const again = await acknowledgePage(deps, { pageId, actor: person('sam') }, minutesAfter(REFERENCE, 3));
    expect(again).toMatchObject({ kind: 'already-acknowledged', alreadyAcknowledgedBy: 'priya', at: '2026-11-24T03:14:00.000Z' });
    expect(deps.pages.changes).toHaveLength(changes);
    expect(deps.metrics.settled).toHaveLength(1);
  });

  it('refuses on a resolved page, and answers undefined for an unknown one', async () => {
    const { deps, pageId } = await raised();
    await resolvePageOnBehalf(deps, { pageId, actor: 'status', reason: 'recovered' }, minutesAfter(REFERENCE, 1));
    expect((await acknowledgePage(deps, { pageId, actor: person('priya') }, minutesAfter(REFERENCE, 2)))?.kind).toBe('refused');
    expect(await acknowledgePage(deps, { pageId: 'registry-0000000000', actor: person('priya') }, REFERENCE)).toBeUndefined();
  });

  it('loses cleanly to an acknowledgement committed between its read and its write: it reads again and says who was first', async () => {
    const { deps, pageId } = await raised();
    const earlier = minutesAfter(REFERENCE, 1);
    // Another replica's acknowledgement commits meanwhile.
    deps.pages.interleave(async () => void (await deps.pages.transition(pageId, earlier, (s) => acknowledge(s, 'sam', earlier))));
    const r = await acknowledgePage(deps, { pageId, actor: person('priya') }, minutesAfter(REFERENCE, 2));
    expect(r).toMatchObject({ kind: 'already-acknowledged', alreadyAcknowledgedBy: 'sam' });
    expect(deps.metrics.settled).toEqual([]);
  });
});
