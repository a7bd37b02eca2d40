import { describe, expect, it } from 'vitest';
import { OWNERS_IDS } from '../../../src/owners/ids.ts';
import { homeNominationsBlocks, type HomeNominationsView } from '../../../src/owners/views/home-nominations.ts';
import { checkBlocks } from '../../../src/sandbox/block-kit-limits.ts';
import { HOSTILE, unescapedHostile } from '../../helpers/hostile.ts';

const view: HomeNominationsView = {
  toVote: [
    {
      id: 'nom-1',
      subprojectId: 'website',
      subprojectName: 'kubernetes.io website (Netlify)',
      nominee: '<@U0HHHHHHH>',
      nominator: '<@U0NIKHITA>',
      credentials: 'Ran the website builds since 2024; reviewed 120 PRs in kubernetes/website.',
      deadlineAt: new Date('2026-12-02T00:00:00Z'),
      issue: { url: 'https://github.com/kubernetes/k8s.io/issues/7', number: 7 },
    },
    { id: 'nom-2', subprojectId: 'storage', subprojectName: 'GCS', nominee: '<@U0XMUDRII>', nominator: '<@U0JIMANGE>', credentials: 'x'.repeat(400) },
  ],
  moreToVote: 0,
  intent: [{ id: 'nom-3', subprojectId: 'dns', subprojectName: 'DNS', nominator: '<@U0AMEUKAM>', deadlineAt: new Date('2026-12-03T08:00:00Z') }],
};

describe('owners Home section', () => {
  it('nominations waiting for my vote with the channel post’s Support / Object buttons, and my statement of intent', () => {
    const blocks = homeNominationsBlocks(view);
    expect(blocks).toMatchSnapshot();
    const text = JSON.stringify(blocks);
    expect(text).toContain(OWNERS_IDS.actions.voteSupport);
    expect(text).toContain(OWNERS_IDS.actions.voteObject);
    expect(text).toContain(`"value":"nom-1"`);
    expect(blocks.at(-1)).toMatchObject({ type: 'actions', elements: [{ action_id: OWNERS_IDS.actions.writeIntent, value: 'nom-3|dns' }] });
    expect(text).toContain('Lazy consensus until 2026-12-02 00:00 UTC');
    // Long credentials are cut on Home: the post and the issue carry them in full.
    expect(text).toContain(`${'x'.repeat(279)}…`);
    expect(text).not.toContain('x'.repeat(281));
    expect(checkBlocks(blocks, 'home')).toEqual([]);
  });

  it('escapes what people typed and the config’s names; says how many more wait', () => {
    const blocks = homeNominationsBlocks({ toVote: [{ ...view.toVote[0]!, credentials: HOSTILE, subprojectName: HOSTILE }], moreToVote: 3, intent: [{ ...view.intent[0]!, subprojectName: HOSTILE }] });
    expect(unescapedHostile(blocks)).toEqual([]);
    expect(JSON.stringify(blocks)).toContain('…and 3 more');
  });

  it('only my statement of intent when nothing waits for my vote', () => {
    const blocks = homeNominationsBlocks({ toVote: [], moreToVote: 0, intent: view.intent });
    expect(JSON.stringify(blocks)).not.toContain('Nominations waiting for your vote');
    expect(blocks).toHaveLength(2);
  });
});
