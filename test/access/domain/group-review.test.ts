import { describe, expect, it } from 'vitest';
import { reviewGroupMembers } from '../../../src/access/domain/group-review.ts';
import { accessReviewReply } from '../../../src/access/views/access-review-reply.ts';
import { HOSTILE, unescapedHostile } from '../../helpers/hostile.ts';
import { k8sIoCatalog, prOpenedRequest } from '../helpers/use-case-fixtures.ts';

describe('group review', async () => {
  const catalog = await k8sIoCatalog();

  it('the latest request in force explains a member; others were added by hand', () => {
    const granted = prOpenedRequest({ status: 'fulfilled', memberEmail: 'Thockin@google.com', updatedAt: '2022-01-20T00:00:00.000Z' });
    const older = prOpenedRequest({ id: 'ar-000000000001', status: 'expired', memberEmail: 'dims@example.com' });
    const reviewed = reviewGroupMembers(['thockin@google.com', 'dims@example.com'], [granted, older]);
    expect(reviewed[0]).toMatchObject({ address: 'thockin@google.com', grantedBy: { requestId: 'ar-0123456789ab', requester: 'jimangel', at: '2022-01-20T00:00:00.000Z', pullRequest: { number: 7 } } });
    expect(reviewed[1]).toEqual({ address: 'dims@example.com' });
  });

  it('the reply stays within Slack’s limits for the largest real group, and escapes what people wrote', () => {
    const largest = [...catalog.groups].sort((a, b) => b.members.length - a.members.length)[0]!;
    expect(largest.members.length).toBeGreaterThan(50);
    const members = largest.members.map((address) => ({ address, grantedBy: { requestId: 'ar-0', requester: 'x', justification: `why ${HOSTILE} `.repeat(10), at: '2022-01-20T00:00:00.000Z' } }));
    const reply = accessReviewReply({ group: largest, members, repo: 'kubernetes/k8s.io', branch: 'main' });
    expect(reply.blocks.length).toBeLessThanOrEqual(50);
    for (const b of reply.blocks) if (b.type === 'section') expect(b.text!.text.length).toBeLessThanOrEqual(3000);
    expect(unescapedHostile(reply)).toEqual([]);
    expect(JSON.stringify(reply)).toContain(largest.members.at(-1)!);
  });
});
