import { describe, expect, it } from 'vitest';
import { requestPage, type PageRequest } from '../../../src/escalation/use-cases/request-page.ts';
import { resolvePageOnBehalf } from '../../../src/escalation/use-cases/resolve-page-on-behalf.ts';
import { REFERENCE, directory, minutesAfter } from '../domain/directory-fixture.ts';
import { inMemoryPaging, person, stranger } from '../in-memory-paging.ts';

const ask = (key: string, over: Partial<PageRequest> = {}): PageRequest => ({
  subprojectId: 'registry',
  severity: 'warning',
  summary: 'image pulls failing',
  actor: person('nina'),
  slackId: 'U0NINA001',
  key,
  ...over,
});

describe('requestPage', () => {
  it('raises a page, counts the request once however often it arrives, and says so the second time', async () => {
    const deps = inMemoryPaging(directory({ primary: 'priya' }));
    const first = await requestPage(deps, ask('command:T1'), REFERENCE);
    expect(first.kind).toBe('raised');
    const again = await requestPage(deps, ask('command:T1'), minutesAfter(REFERENCE, 0.1));
    expect(again).toMatchObject({ kind: 'repeated', outcome: 'raised' });
    expect(deps.reports.entries).toHaveLength(1);
    expect(deps.metrics.raised).toHaveLength(1);
  });

  it('joins the open page of the subproject instead of waking people again, and tells where it went', async () => {
    const deps = inMemoryPaging(directory({ primary: 'priya' }));
    const first = await requestPage(deps, ask('command:T1'), REFERENCE);
    const dmsBefore = deps.pages.effectsOf(first.kind === 'raised' ? first.page.id : '', 'notify').length;
    const second = await requestPage(deps, ask('command:T2', { actor: stranger(), slackId: 'U0STRANGER', summary: 'pulls fail for me too', severity: 'critical' }), minutesAfter(REFERENCE, 1));
    expect(second.kind).toBe('joined');
    if (second.kind !== 'joined' || first.kind !== 'raised') throw new Error('unreachable');
    expect(second.page.id).toBe(first.page.id);
    expect(second.page.timeline.at(-1)?.text).toBe('also reported by @U0STRANGER (severity critical): pulls fail for me too');
    expect(deps.pages.effectsOf(first.page.id, 'notify')).toHaveLength(dmsBefore);
    expect((await deps.pages.listOpen()).map((p) => p.id)).toEqual([first.page.id]);
    expect(deps.pages.audits(first.page.id).at(-1)).toMatchObject({ actor: 'U0STRANGER', action: 'page.joined' });
    // The same request again joins nothing more.
    expect(await requestPage(deps, ask('command:T2', { actor: stranger(), slackId: 'U0STRANGER' }), minutesAfter(REFERENCE, 2))).toMatchObject({ kind: 'repeated', outcome: 'joined' });
    expect((await deps.pages.load(first.page.id))?.timeline.filter((e) => e.kind === 'reported')).toHaveLength(1);
  });

  it('raises a new page once the open one is resolved', async () => {
    const deps = inMemoryPaging(directory({ primary: 'priya' }));
    const first = await requestPage(deps, ask('command:T1'), REFERENCE);
    if (first.kind !== 'raised') throw new Error('not raised');
    await resolvePageOnBehalf(deps, { pageId: first.page.id, actor: 'priya', reason: 'fixed' }, minutesAfter(REFERENCE, 1));
    expect((await requestPage(deps, ask('command:T2'), minutesAfter(REFERENCE, 2))).kind).toBe('raised');
  });

  it('limits someone not in the config to a few pages an hour, audited, and people in the config not at all', async () => {
    const deps = inMemoryPaging(directory({ primary: 'priya' }), { strangerPagesPerHour: 2 });
    const outsider = (key: string, at: Date) => requestPage(deps, ask(key, { actor: stranger(), slackId: 'U0STRANGER', subprojectId: `sub-${key}` }), at);
    expect((await outsider('a', REFERENCE)).kind).toBe('raised');
    expect((await outsider('b', minutesAfter(REFERENCE, 1))).kind).toBe('raised');
    const third = await outsider('c', minutesAfter(REFERENCE, 2));
    expect(third).toEqual({ kind: 'limited', admission: { admitted: false, count: 2, limit: 2, retryAt: minutesAfter(REFERENCE, 60) } });
    expect(deps.audit.entries.map((e) => [e.actor, e.action, e.subject, e.payload.reason])).toEqual([['U0STRANGER', 'page.refused', 'subproject:sub-c', 'rate-limited']]);
    expect((await outsider('d', minutesAfter(REFERENCE, 61))).kind).toBe('raised');
    for (const key of ['e', 'f', 'g', 'h']) expect((await requestPage(deps, ask(key, { subprojectId: `sub-${key}` }), minutesAfter(REFERENCE, 62))).kind).toBe('raised');
  });
});
