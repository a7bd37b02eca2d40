import { describe, expect, it } from 'vitest';
import type { AccessRequest } from '../../../src/access/domain/access-request.ts';
import { homeAccessBlocks } from '../../../src/access/views/home-access.ts';
import { checkBlocks } from '../../../src/sandbox/block-kit-limits.ts';
import { HOSTILE, unescapedHostile } from '../../helpers/hostile.ts';
import { pendingRequest } from '../helpers/use-case-fixtures.ts';

const pending: AccessRequest = pendingRequest({
  requiredApprovals: 2,
  approvals: [{ slackUserId: 'U0AMEUKAM', github: 'ameukam', at: '2022-01-19T12:05:00.000Z' }],
  slackThread: { channel: 'C0ACCESS1', ts: '1.2', permalink: 'https://kubernetes.slack.com/archives/C0ACCESS1/p12' },
});
const temporary: AccessRequest = { ...pending, id: 'ar-2', status: 'fulfilled', until: '2022-01-25', expiresAt: '2022-01-26T00:00:00.000Z' };

describe('access Home section', () => {
  it('approvals waiting for me (with progress and a link), my temporary access ending soon in my zone; no e-mail address', () => {
    const blocks = homeAccessBlocks({ waiting: [pending], endingSoon: [temporary], zone: 'America/Chicago' })!;
    expect(blocks).toMatchSnapshot();
    const text = JSON.stringify(blocks);
    expect(text).toContain('1/2 approvals');
    expect(text).toContain('ends Tue 25 Jan 18:00 CST');
    expect(text).not.toContain(pending.memberEmail);
    expect(text).not.toContain(pending.requester.email!);
    expect(checkBlocks(blocks, 'home')).toEqual([]);
  });

  it('nothing to show: the section is left out; a hostile group name stays text', () => {
    expect(homeAccessBlocks({ waiting: [], endingSoon: [], zone: 'UTC' })).toBeUndefined();
    expect(unescapedHostile(homeAccessBlocks({ waiting: [{ ...pending, group: { ...pending.group, name: HOSTILE } }], endingSoon: [], zone: 'UTC' }))).toEqual([]);
  });
});
