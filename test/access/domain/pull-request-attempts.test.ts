import { describe, expect, it } from 'vitest';
import type { AccessRequest } from '../../../src/access/domain/access-request.ts';
import { recordPullRequestOpened } from '../../../src/access/domain/access-request-lifecycle.ts';
import { recordPullRequestAttemptFailed, withoutRetryNote } from '../../../src/access/domain/pull-request-attempts.ts';

const approved: AccessRequest = {
  id: 'ar-1',
  status: 'approved',
  group: { emailId: 'k8s-infra-gcp-auditors@kubernetes.io', name: 'k8s-infra-gcp-auditors', file: 'groups/sig-k8s-infra/groups.yaml' },
  memberEmail: 'sj7trunks@pendulus.net',
  requester: { slackUserId: 'U0JIMANGE', github: 'jimangel' },
  justification: 'cost review',
  requiredApprovals: 1,
  approversAtRequest: ['ameukam'],
  approvals: [{ slackUserId: 'U0AMEUKAM', github: 'ameukam', at: '2022-01-19T12:00:00.000Z' }],
  createdAt: '2022-01-19T12:00:00.000Z',
  updatedAt: '2022-01-19T12:00:00.000Z',
  version: 3,
};
const now = new Date('2022-01-19T12:01:00Z');

describe('recordPullRequestAttemptFailed', () => {
  it('notes the error, updates the message, tells the requester once, audits every attempt', () => {
    const first = recordPullRequestAttemptFailed(approved, 'HTTP 502 Bad Gateway', now);
    expect(first.request.retrying).toEqual({ error: 'HTTP 502 Bad Gateway', at: now.toISOString(), attempts: 1 });
    expect(first.request.version).toBe(4);
    expect(first.effects.map((e) => e.type)).toEqual(['update-approval-message', 'notify-requester', 'audit']);
    const second = recordPullRequestAttemptFailed(first.request, 'HTTP 502 Bad Gateway', now);
    expect(second.request.retrying?.attempts).toBe(2);
    expect(second.effects.map((e) => e.type)).toEqual(['update-approval-message', 'audit']);
    expect(new Set([...first.effects, ...second.effects].map((e) => e.key)).size).toBe(5);
  });

  it('does nothing once no pull request is pending', () => {
    expect(recordPullRequestAttemptFailed({ ...approved, status: 'pr_opened' }, 'x', now).changed).toBe(false);
  });

  it('the note goes once the pull request is opened', () => {
    const failed = recordPullRequestAttemptFailed(approved, 'HTTP 502', now).request;
    const opened = withoutRetryNote(recordPullRequestOpened(failed, { number: 1, url: 'https://github.com/kubernetes/k8s.io/pull/1', branch: 'b' }, now));
    expect(opened.request.status).toBe('pr_opened');
    expect(opened.request.retrying).toBeUndefined();
  });
});
