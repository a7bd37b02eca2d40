import { describe, expect, it } from 'vitest';
import { acknowledge, startPage } from '../../../src/escalation/domain/escalation-engine.ts';
import { PAGING_IDS } from '../../../src/escalation/ids.ts';
import { homePagesBlocks } from '../../../src/escalation/views/home-pages.ts';
import { checkBlocks } from '../../../src/sandbox/block-kit-limits.ts';
import { HOSTILE, unescapedHostile } from '../../helpers/hostile.ts';
import { REFERENCE, directory } from '../domain/directory-fixture.ts';

const mention = (id: string) => `<@U-${id}>`;
const page = (id: string, summary = 'image pulls failing in eu') =>
  startPage(
    { id, subprojectId: 'registry', severity: 'warning', summary, details: '', createdBy: 'thockin', policy: { id: 'default', repeat: 1, steps: [{ targets: ['primary'], delayMinutes: 5 }] }, usePager: false },
    REFERENCE,
    directory({ primary: 'priya', owners: ['sam'] }),
  ).state;

describe('paging Home section', () => {
  it('each open page with the buttons of its channel post (same action ids), block ids unique across pages', () => {
    const triggered = page('registry-0000000001');
    const taken = acknowledge(page('registry-0000000002'), 'priya', REFERENCE);
    if (taken.kind !== 'acknowledged') throw new Error('expected an acknowledgement');
    const blocks = homePagesBlocks([triggered, taken.state], mention, () => 'Container registry');
    expect(blocks).toMatchSnapshot();
    const actionIds = blocks.flatMap((b) => (b.type === 'actions' ? b.elements.map((e) => (e as { action_id?: string }).action_id) : []));
    expect(actionIds).toEqual([PAGING_IDS.actions.acknowledge, PAGING_IDS.actions.escalate, PAGING_IDS.actions.resolve, PAGING_IDS.actions.resolve]);
    expect(checkBlocks(blocks, 'home')).toEqual([]);
  });

  it('says when there is none; a hostile summary stays text', () => {
    expect(JSON.stringify(homePagesBlocks([], mention, () => undefined))).toContain('No open pages you are part of.');
    expect(unescapedHostile(homePagesBlocks([page('registry-0000000003', HOSTILE)], mention, () => HOSTILE))).toEqual([]);
  });
});
