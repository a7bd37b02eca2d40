import { describe, expect, it } from 'vitest';
import type { Change } from '../../../src/changes/domain/change.ts';
import { homeChangesBlocks } from '../../../src/changes/views/home-changes.ts';
import { checkBlocks } from '../../../src/sandbox/block-kit-limits.ts';
import { HOSTILE, unescapedHostile } from '../../helpers/hostile.ts';
import { announced } from '../helpers/change-fixtures.ts';

const change: Change = { ...announced(), message: { channel: 'C1', ts: '1.2', permalink: 'https://kubernetes.slack.com/archives/C1/p12' } };

describe('changes Home section', () => {
  it('changes waiting for my review, with what they still need and a link to review', () => {
    const blocks = homeChangesBlocks([{ change, missing: ['SIG K8s Infra'] }])!;
    expect(blocks).toMatchSnapshot();
    expect(JSON.stringify(blocks)).toContain('<https://kubernetes.slack.com/archives/C1/p12|review it>');
    expect(checkBlocks(blocks, 'home')).toEqual([]);
  });

  it('nothing waiting: left out; a hostile title stays text', () => {
    expect(homeChangesBlocks([])).toBeUndefined();
    expect(unescapedHostile(homeChangesBlocks([{ change: { ...change, title: HOSTILE }, missing: [HOSTILE] }]))).toEqual([]);
  });
});
