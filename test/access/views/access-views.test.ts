import { describe, expect, it } from 'vitest';
import type { AccessRequest } from '../../../src/access/domain/access-request.ts';
import { accessListReply, accessRequestMessage } from '../../../src/access/views/access-request-message.ts';
import { HOSTILE, unescapedHostile } from '../../helpers/hostile.ts';
import { expiryReminderMessage } from '../../../src/access/views/expiry-reminder-message.ts';
import { extendAccessModal } from '../../../src/access/views/extend-access-modal.ts';
import { accessDenyModal, accessRequestModal, groupOptions } from '../../../src/access/views/access-request-modal.ts';

const base: AccessRequest = {
  id: 'ar-0123456789ab',
  status: 'pending',
  group: { emailId: 'k8s-infra-gcp-auditors@kubernetes.io', name: 'k8s-infra-gcp-auditors', file: 'groups/sig-k8s-infra/groups.yaml' },
  memberEmail: 'sj7trunks@pendulus.net',
  requester: { slackUserId: 'U0JIMANGE', github: 'jimangel', name: 'Jim Angel' },
  justification: 'Benjamin will provide orientation about <cost> & optimisation.',
  requiredApprovals: 2,
  approversAtRequest: ['ameukam', 'dims', 'cblecker'],
  approvals: [{ slackUserId: 'U0AMEUKAM', github: 'ameukam', at: '2022-01-19T12:05:00.000Z' }],
  createdAt: '2022-01-19T12:00:00.000Z',
  updatedAt: '2022-01-19T12:05:00.000Z',
  version: 2,
};
const mentions = new Map([
  ['ameukam', '<@U0AMEUKAM>'],
  ['dims', '<@U0DIMS001>'],
]);

describe('access views', () => {
  it('request modal', () => {
    const view = accessRequestModal({ defaultEmail: 'jimangel@example.org', channel: 'wg-k8s-infra' });
    expect(view).toMatchSnapshot();
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(view.submit!.text.length).toBeLessThanOrEqual(24);
  });

  it('request modal, placement step: sections to pick (default chosen), a note field, the first answers kept', () => {
    const view = accessRequestModal({
      channel: 'wg-k8s-infra',
      placement: { sections: ['scalability-oncall', '', 'x'.repeat(100)], defaultSection: 0, notes: true, values: { group: 'k8s-infra-sig-scalability-oncall@kubernetes.io', email: 'a@google.com', justification: 'why', temporary: true, until: '2022-02-01' } },
    });
    expect(view).toMatchSnapshot();
    expect(view.private_metadata).toBe('{"step":"placement"}');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    for (const o of JSON.stringify(view).match(/"text":"[^"]*"/g) ?? []) expect(o.length).toBeLessThan(3100);
  });

  it('group options stay within 75 characters', () => {
    const options = groupOptions([
      { emailId: 'k8s-infra-gcp-auditors@kubernetes.io', name: 'k8s-infra-gcp-auditors', description: 'granted read-only access to all GCP infrastructure with the kubernetes.io\nGCP organization, excluding sensitive/secret values', rank: 1 },
      { emailId: `${'x'.repeat(90)}@kubernetes.io`, name: 'x', description: '', rank: 2 },
    ]);
    expect(options).toMatchSnapshot();
    for (const o of options) {
      expect(o.text.text.length).toBeLessThanOrEqual(75);
      expect(o.description?.text.length ?? 0).toBeLessThanOrEqual(75);
    }
  });

  it('approval message while pending (buttons, progress, escaped justification)', () => {
    const m = accessRequestMessage(base, mentions);
    expect(m).toMatchSnapshot();
    expect(JSON.stringify(m.blocks)).toContain('&lt;cost&gt; &amp;');
  });

  it('approval message after the PR, with a retry note, and after a denial', () => {
    expect(
      accessRequestMessage(
        { ...base, status: 'approved', retrying: { error: 'HTTP 502', at: '2022-01-19T12:06:00.000Z', attempts: 1 } },
        mentions,
      ),
    ).toMatchSnapshot();
    expect(
      accessRequestMessage({ ...base, status: 'pr_opened', until: '2022-02-01', pullRequest: { number: 1, url: 'https://github.com/kubernetes/k8s.io/pull/1', branch: 'b' } }, mentions).blocks.some((b) => b.type === 'actions'),
    ).toBe(false);
    expect(accessRequestMessage({ ...base, status: 'denied', denial: { slackUserId: 'U0DIMS001', github: 'dims', reason: 'Use the viewer group', at: '2022-01-19T12:07:00.000Z' } })).toMatchSnapshot();
  });

  it('deny modal and list reply', () => {
    expect(accessDenyModal({ request: base })).toMatchSnapshot();
    expect(accessListReply({ mine: [base], waiting: [{ ...base, id: 'ar-2', memberEmail: 'other@example.com' }] })).toMatchSnapshot();
    expect(accessListReply({ mine: [], waiting: [] }).blocks).toHaveLength(1);
  });
});

describe('access views with hostile text in every field a person or GitHub wrote', () => {
  const hostile: AccessRequest = {
    ...base,
    group: { emailId: `g${HOSTILE}@kubernetes.io`, name: `n${HOSTILE}`, file: `groups/${HOSTILE}/groups.yaml` },
    memberEmail: `m${HOSTILE}@example.com`,
    justification: `j${HOSTILE}`,
    approversAtRequest: [`h${HOSTILE}`],
    denial: { slackUserId: 'U0CARLOS1', reason: `r${HOSTILE}`, at: '2022-01-19T12:07:00.000Z' },
    failure: { reason: `f${HOSTILE}`, at: '2022-01-19T12:07:00.000Z' },
    retrying: { error: `e${HOSTILE}`, at: '2022-01-19T12:07:00.000Z', attempts: 2 },
    pullRequest: { number: 1, url: `https://github.com/x|${HOSTILE}`, branch: 'b' },
  };
  it.each(['pending', 'denied', 'failed', 'pr_opened'] as const)('approval message (%s)', (status) => {
    const m = accessRequestMessage({ ...hostile, status });
    expect(unescapedHostile(m)).toEqual([]);
    expect(JSON.stringify(m)).toContain('&lt;!channel&gt;');
  });
  it('deny modal and list', () => {
    expect(unescapedHostile(accessDenyModal({ request: hostile }))).toEqual([]);
    expect(unescapedHostile(accessListReply({ mine: [hostile], waiting: [hostile] }))).toEqual([]);
  });
});

describe('expiry views', () => {
  const temporary: AccessRequest = { ...base, status: 'fulfilled', until: '2022-02-01', expiresAt: '2022-02-02T00:00:00.000Z' };
  it('the reminder (Extend, End now) and the Extend modal', () => {
    expect(expiryReminderMessage(temporary, 7)).toMatchSnapshot();
    expect(expiryReminderMessage(temporary, 1).text).toContain('ends tomorrow');
    const modal = extendAccessModal(temporary);
    expect(modal).toMatchSnapshot();
    expect(modal.title.text.length).toBeLessThanOrEqual(24);
  });
  it('escape what a person or GitHub wrote', () => {
    const hostile = { ...temporary, memberEmail: `m${HOSTILE}`, group: { ...temporary.group, emailId: `g${HOSTILE}` } };
    expect(unescapedHostile(expiryReminderMessage(hostile, 7))).toEqual([]);
    expect(unescapedHostile(extendAccessModal(hostile))).toEqual([]);
  });
});
