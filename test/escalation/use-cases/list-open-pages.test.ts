import { describe, expect, it } from 'vitest';
import { listOpenPages } from '../../../src/escalation/use-cases/list-open-pages.ts';
import { raisePage } from '../../../src/escalation/use-cases/raise-page.ts';
import { resolvePageOnBehalf } from '../../../src/escalation/use-cases/resolve-page-on-behalf.ts';
import { REFERENCE, directory, minutesAfter } from '../domain/directory-fixture.ts';
import { inMemoryPaging, REQUEST } from '../in-memory-paging.ts';

describe('listOpenPages', () => {
  it('lists pages not resolved, newest first', async () => {
    const deps = inMemoryPaging(directory({ primary: 'priya' }));
    const first = await raisePage(deps, { ...REQUEST, key: 'a' }, REFERENCE);
    const second = await raisePage(deps, { ...REQUEST, key: 'b' }, minutesAfter(REFERENCE, 1));
    const third = await raisePage(deps, { ...REQUEST, key: 'c' }, minutesAfter(REFERENCE, 2));
    await resolvePageOnBehalf(deps, { pageId: second.page.id, actor: 'status', reason: 'recovered' }, minutesAfter(REFERENCE, 3));
    expect((await listOpenPages(deps)).map((p) => p.id)).toEqual([third.page.id, first.page.id]);
  });
});
