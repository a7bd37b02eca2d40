import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { composeHome, HOME_BLOCK_LIMIT, type ComposedSection } from '../../../src/platform/home/compose-home.ts';
import { section } from '../../../src/platform/slack/blocks.ts';
import { checkBlocks } from '../../../src/sandbox/block-kit-limits.ts';

const lines = (n: number, tag: string): KnownBlock[] => Array.from({ length: n }, (_, i) => section(`${tag} ${i}`));
const ok = (title: string, n: number, seeMore = title.toLowerCase()): ComposedSection => ({ kind: 'ok', title, seeMore, blocks: lines(n, title) });
const texts = (blocks: readonly KnownBlock[]) => JSON.stringify(blocks);

describe('composeHome', () => {
  it('keeps every section whole, in order, when they fit', () => {
    const blocks = composeHome({ greeting: 'Your week, Ada', updated: 'Updated now', sections: [ok('On call', 3), ok('Pages', 2)] });
    // header + context, then (header + 3), divider, (header + 2)
    expect(blocks).toHaveLength(2 + 4 + 1 + 3);
    expect(blocks.map((b) => b.type)).toEqual(['header', 'context', 'header', 'section', 'section', 'section', 'divider', 'header', 'section', 'section']);
    expect(texts(blocks)).not.toContain('see more');
  });

  it('never passes 100 blocks: a section over its share ends with a see-more line, small ones stay whole', () => {
    const blocks = composeHome({ greeting: 'g', updated: 'u', sections: [ok('On call', 5), ok('Pages', 300, 'page list'), ok('Incidents', 2, 'incident list'), ok('Changes', 200, 'change list')] });
    expect(blocks.length).toBeLessThanOrEqual(HOME_BLOCK_LIMIT);
    expect(blocks.length).toBe(HOME_BLOCK_LIMIT);
    expect(checkBlocks(blocks, 'home')).toEqual([]);
    const all = texts(blocks);
    expect(all).toContain('On call 4'); // whole
    expect(all).toContain('Incidents 1'); // whole
    expect(all).toContain('see more with `/k8s-infra page list`');
    expect(all).toContain('see more with `/k8s-infra change list`');
    expect(all).not.toContain('see more with `/k8s-infra incident list`');
    // The two large sections share what the small ones left, equally (±1).
    const pages = blocks.filter((b) => JSON.stringify(b).includes('Pages ')).length;
    const changes = blocks.filter((b) => JSON.stringify(b).includes('Changes ')).length;
    expect(Math.abs(pages - changes)).toBeLessThanOrEqual(1);
  });

  it('shows a failed section as one "could not load" line naming its command, and the others', () => {
    const blocks = composeHome({ greeting: 'g', updated: 'u', sections: [ok('On call', 2), { kind: 'failed', title: 'Access', seeMore: 'access list' }] });
    const all = texts(blocks);
    expect(all).toContain('*Access*: could not load right now. Try `/k8s-infra access list`.');
    expect(all).toContain('On call 1');
  });

  it('is never an empty tab', () => {
    const blocks = composeHome({ greeting: 'g', updated: 'u', sections: [] });
    expect(texts(blocks)).toContain('Nothing here yet.');
  });
});
