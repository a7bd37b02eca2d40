import { describe, expect, it } from 'vitest';
import { accessMetricEvents } from '../../../src/access/domain/access-metric-events.ts';
import { recordPullRequestClosed } from '../../../src/access/domain/access-request-lifecycle.ts';
import { pendingRequest, policy, prOpenedRequest } from '../helpers/use-case-fixtures.ts';

describe('access metric events', () => {
  it('a request, a decision, a merge with its time from the request; nothing for a repeat', () => {
    const pending = pendingRequest();
    expect(accessMetricEvents({ request: pending, effects: [], changed: true, outcome: 'requested', message: '' })).toEqual([{ kind: 'requested', group: 'k8s-infra-gcp-auditors@kubernetes.io' }]);
    expect(accessMetricEvents({ request: pending, effects: [], changed: true, outcome: 'denied', message: '' })).toEqual([{ kind: 'decided', group: 'k8s-infra-gcp-auditors@kubernetes.io', decision: 'denied' }]);
    const merged = recordPullRequestClosed(prOpenedRequest(), { number: 7, branch: 'b', merged: true, headRepo: 'kubernetes/k8s.io' }, new Date(new Date(pending.createdAt).getTime() + 3_600_000), policy, 'kubernetes/k8s.io');
    expect(accessMetricEvents(merged)).toEqual([{ kind: 'merged', group: 'k8s-infra-gcp-auditors@kubernetes.io', seconds: 3600 }]);
    expect(accessMetricEvents({ ...merged, changed: false })).toEqual([]);
  });
});
