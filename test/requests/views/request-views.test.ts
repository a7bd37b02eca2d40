import { describe, expect, it } from 'vitest';
import { checkBlocks, checkView } from '../../../src/sandbox/block-kit-limits.ts';
import type { Ticket } from '../../../src/requests/domain/ticket.ts';
import { requestList } from '../../../src/requests/views/request-list.ts';
import { chooseKindModal, dnsConfirmModal, dnsModal, noticeModal, otherModal, stagingModal } from '../../../src/requests/views/request-modals.ts';
import { nudgeMessage, SAYS, sayMessage, threadMessage } from '../../../src/requests/views/ticket-messages.ts';
import { HOSTILE, unescapedHostile } from '../../helpers/hostile.ts';

const ticket: Ticket = {
  id: 'req-0123456789',
  state: 'pr-open',
  requester: 'U0JIMANGE',
  channel: 'C1',
  spec: { kind: 'dns', dns: { action: 'update', zone: 'k8s.io', file: 'k8s.io._0_base.yaml', name: 'kueue.sigs', type: 'CNAME', values: ['kubernetes-docs.netlifyglobalcdn.com.'], reason: HOSTILE }, existing: `kueue.sigs:\n  type: CNAME\n  value: ${HOSTILE}` },
  title: `DNS update CNAME kueue.sigs.k8s.io ${HOSTILE}`,
  repo: 'kubernetes/k8s.io',
  issue: { number: 12, url: 'https://github.com/kubernetes/k8s.io/issues/12' },
  pr: { number: 13, url: 'https://github.com/kubernetes/k8s.io/pull/13' },
  prProblem: HOSTILE,
  paths: [],
  approvers: ['dims'],
  createdAt: 0,
  lastActivityAt: 0,
  version: 1,
};

describe('request views', () => {
  it('the modals are within Slack’s limits', () => {
    const m = { c: 'C1' };
    for (const v of [chooseKindModal(m), dnsModal(m, ['k8s.io._0_base.yaml', 'k8s.io.yaml']), stagingModal(m, ['sig-release']), otherModal(m)]) expect(checkView(v, 'modal')).toEqual([]);
    expect(dnsModal(m, ['k8s.io._0_base.yaml'])).toMatchSnapshot();
  });

  it('the confirmation shows the existing and the new record, escaped, or is skipped when the form is too long to carry', () => {
    if (ticket.spec.kind !== 'dns') throw new Error('dns ticket expected');
    const f = { action: 'update', file: 'k8s.io._0_base.yaml', name: 'kueue.sigs', type: 'CNAME', values: 'kubernetes-docs.netlifyglobalcdn.com.', ttl: '', reason: HOSTILE, after: '', comment: '' };
    const confirm = dnsConfirmModal({ c: 'C1', f }, ticket.spec.dns, ticket.spec.existing)!;
    expect(checkView(confirm, 'modal')).toEqual([]);
    // The form rides along in private_metadata (never shown); what is shown is escaped.
    expect(unescapedHostile(confirm.blocks)).toEqual([]);
    expect(JSON.stringify(confirm.blocks)).toContain('*Existing record*');
    expect(JSON.stringify(confirm.blocks)).toContain('kueue.sigs:\\n- type: CNAME\\n  value: kubernetes-docs.netlifyglobalcdn.com.');
    expect(dnsConfirmModal({ c: 'C1', f: { ...f, reason: 'x'.repeat(3000) } }, ticket.spec.dns, ticket.spec.existing)).toBeUndefined();
    expect(unescapedHostile(noticeModal('x', HOSTILE))).toEqual([]);
  });

  it('every message escapes what a requester or GitHub wrote, and stays within limits', () => {
    const messages = [...SAYS.map((s) => sayMessage(ticket, s)), threadMessage(ticket), nudgeMessage(ticket, ['<@U0THOCKIN>'], 7), requestList([ticket], [ticket])];
    for (const m of messages) {
      expect(unescapedHostile({ text: m.text, blocks: m.blocks })).toEqual([]);
      expect(checkBlocks(m.blocks ?? [], 'message')).toEqual([]);
    }
    expect(sayMessage(ticket, 'filed')).toMatchSnapshot();
  });
});
