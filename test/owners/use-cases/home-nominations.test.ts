import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Nomination } from '../../../src/owners/domain/nomination.ts';
import { NominationStore } from '../../../src/owners/store/nomination-store.ts';
import type { OwnersTables } from '../../../src/owners/store/tables.ts';
import { homeNominations } from '../../../src/owners/use-cases/home-nominations.ts';
import type { Store } from '../../../src/platform/store/open-database.ts';
import { testConfig } from '../../helpers/test-config.ts';
import { testDatabases } from '../../helpers/test-databases.ts';

const NOW = new Date('2026-11-24T03:12:00Z');
const DAY = 86_400_000;

describe.each(testDatabases)('the Home tab’s nominations on $name', (database) => {
  let store: Store;
  beforeEach(async () => {
    store = await database.open();
  });
  afterEach(async () => store.close());

  const config = testConfig();
  const nomination = (over: Partial<Nomination>): Nomination => ({
    id: 'nom-1',
    kind: 'nominate',
    subprojectId: 'website',
    personId: 'xmudrii',
    nominatorId: 'nikhita',
    status: 'open',
    statements: { credentials: 'Keeps the previews working.', support: 'yes' },
    deadlineAt: new Date(NOW.getTime() + 7 * DAY),
    createdAt: NOW,
    ...over,
  });
  const deps = () => ({ db: store.db.withTables<OwnersTables>(), subprojects: config.subprojects, leads: config.leads, mention: (id: string) => `@${id}` });

  it('lists what waits for my vote (owner or lead, not voted, not my own) and my missing statement of intent', async () => {
    const nominations = new NominationStore(deps().db);
    await nominations.insert(nomination({}));
    await nominations.insert(nomination({ id: 'nom-2', subprojectId: 'dns', personId: 'hh', nominatorId: 'dims', createdAt: new Date(NOW.getTime() + 1) }));
    // Closed, past its deadline, or an offboarding: never listed.
    await nominations.insert(nomination({ id: 'nom-3', subprojectId: 'storage', status: 'accepted' }));
    await nominations.insert(nomination({ id: 'nom-4', subprojectId: 'storage', deadlineAt: new Date(NOW.getTime() - 1) }));
    await nominations.insert(nomination({ id: 'off-1', kind: 'offboard', subprojectId: 'storage', status: 'accepted' }));
    await nominations.vote('nom-1', 'jimangel', 'support', NOW);

    // jimangel owns website and voted: nothing. thockin owns website and is a lead: both.
    expect(await homeNominations(deps(), { slackUserId: 'U0JIMANGE', personId: 'jimangel' }, NOW)).toBeUndefined();
    const lead = await homeNominations(deps(), { slackUserId: 'U0THOCKIN', personId: 'thockin' }, NOW);
    expect(lead?.toVote.map((n) => n.id)).toEqual(['nom-1', 'nom-2']);
    expect(lead?.toVote[0]).toMatchObject({ subprojectId: 'website', nominee: '@xmudrii', nominator: '@nikhita', credentials: 'Keeps the previews working.' });
    expect(lead?.intent).toEqual([]);
    // ameukam is a lead: both; upodroid owns dns, not website: only hh's.
    expect((await homeNominations(deps(), { slackUserId: 'U0AMEUKAM', personId: 'ameukam' }, NOW))?.toVote.map((n) => n.id)).toEqual(['nom-1', 'nom-2']);
    expect((await homeNominations(deps(), { slackUserId: 'U0UPODROI', personId: 'upodroid' }, NOW))?.toVote.map((n) => n.id)).toEqual(['nom-2']);
    // xmudrii is the nominee of website (and an owner of dns, so votes on hh's).
    const nominee = await homeNominations(deps(), { slackUserId: 'U0XMUDRII', personId: 'xmudrii' }, NOW);
    expect(nominee?.toVote.map((n) => n.id)).toEqual(['nom-2']);
    expect(nominee?.intent).toEqual([{ id: 'nom-1', subprojectId: 'website', subprojectName: expect.any(String), nominator: '@nikhita', deadlineAt: new Date(NOW.getTime() + 7 * DAY) }]);
    await nominations.setIntent('nom-1', 'I will keep the previews green.');
    expect((await homeNominations(deps(), { slackUserId: 'U0XMUDRII', personId: 'xmudrii' }, NOW))?.intent).toEqual([]);
    // Someone the config does not know, or with nothing to do: no section.
    expect(await homeNominations(deps(), { slackUserId: 'U0STRANGE' }, NOW)).toBeUndefined();
    expect(await homeNominations(deps(), { slackUserId: 'U0BENTHEE', personId: 'bentheelder' }, NOW)).toBeUndefined();
  });
});
