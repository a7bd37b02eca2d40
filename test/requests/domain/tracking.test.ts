import { describe, expect, it } from 'vitest';
import { answersRequest, nextCheckDelaySeconds } from '../../../src/requests/domain/live-answer.ts';
import { nextState, parseTicketEvent } from '../../../src/requests/domain/ticket-events.ts';
import { isIdle, type Ticket } from '../../../src/requests/domain/ticket.ts';
import { approversOf, ownersFoldersOf } from '../../../src/requests/domain/owners-approvers.ts';

const ticket = (over: Partial<Ticket>): Ticket => ({
  id: 'req-1', state: 'pr-open', requester: 'U1', channel: 'C1', title: 't', repo: 'kubernetes/k8s.io', paths: [], approvers: [], createdAt: 0, lastActivityAt: 0, version: 1,
  spec: { kind: 'other', other: { title: 't', description: 'd' } }, issue: { number: 5, url: 'u' }, pr: { number: 6, url: 'u' }, ...over,
});

describe('tracking a ticket', () => {
  it('a merge moves a PR-open ticket on, never a closed one back', () => {
    const merged = parseTicketEvent('pull_request', { action: 'closed', number: 6, pull_request: { number: 6, merged: true }, repository: { full_name: 'kubernetes/k8s.io' } })!;
    expect(merged.what).toBe('pr-merged');
    expect(nextState(ticket({}), merged)).toBe('merged');
    expect(nextState(ticket({ state: 'closed' }), merged)).toBeUndefined();
    const closed = parseTicketEvent('issues', { action: 'closed', issue: { number: 5 }, repository: { full_name: 'kubernetes/k8s.io' } })!;
    expect(nextState(ticket({ state: 'live' }), closed)).toBe('closed');
    expect(parseTicketEvent('push', { action: 'x', repository: { full_name: 'a/b' } })).toBeUndefined();
  });

  it('live means the name servers answer the new values (canonical), or nothing after a delete', () => {
    expect(answersRequest({ action: 'create', type: 'CNAME', values: ['Kubernetes-Docs.netlifyglobalcdn.com.'] }, { kind: 'answer', values: ['kubernetes-docs.netlifyglobalcdn.com'] })).toBe(true);
    expect(answersRequest({ action: 'create', type: 'AAAA', values: ['2600:1901:0:a7aa::'] }, { kind: 'answer', values: ['2600:1901:0:a7aa:0:0:0:0'] })).toBe(true);
    expect(answersRequest({ action: 'update', type: 'A', values: ['1.2.3.4'] }, { kind: 'answer', values: ['1.2.3.5'] })).toBe(false);
    expect(answersRequest({ action: 'delete', type: 'A', values: [] }, { kind: 'no-such-name' })).toBe(true);
    expect(answersRequest({ action: 'create', type: 'A', values: ['1.2.3.4'] }, { kind: 'failed', reason: 'timed out' })).toBe(false);
  });

  it('checks back off by doubling, capped', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => nextCheckDelaySeconds(n, 120, 600))).toEqual([120, 240, 480, 600, 600, 600]);
  });

  it('idle after N days of nothing, unless closed or still queued', () => {
    const day = 86_400_000;
    expect(isIdle(ticket({ lastActivityAt: 0 }), 7 * day, 7)).toBe(true);
    expect(isIdle(ticket({ lastActivityAt: day }), 7 * day, 7)).toBe(false);
    expect(isIdle(ticket({ state: 'closed' }), 30 * day, 7)).toBe(false);
    expect(isIdle(ticket({ state: 'queued' }), 30 * day, 7)).toBe(false);
  });

  it('OWNERS: nearest folder first, aliases expanded as Prow reads them', () => {
    expect(ownersFoldersOf('dns/zone-configs/k8s.io._0_base.yaml')).toEqual(['dns/zone-configs', 'dns', '']);
    expect(approversOf('approvers:\n- sig-release-leads\n- on\n', 'aliases:\n  sig-release-leads:\n  - cpanato\n  - puerco\n')).toEqual({ approvers: ['cpanato', 'puerco'], noParent: false });
  });
});
