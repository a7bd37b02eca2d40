import { describe, expect, it } from 'vitest';
import { handleGithubEvent } from '../../../src/access/http/github-events.ts';
import { InMemoryAccessRequests } from '../helpers/in-memory-access-requests.ts';
import { catalogOf, clockAt, k8sIoCatalog, policy, prOpenedRequest } from '../helpers/use-case-fixtures.ts';

function closedEvent(branch: string, merged: boolean, repo = 'kubernetes/k8s.io') {
  return { action: 'closed', number: 7, pull_request: { number: 7, merged, head: { ref: branch }, base: { ref: 'main', repo: { full_name: repo } } }, repository: { full_name: repo } };
}

describe('handleGithubEvent (access)', async () => {
  const catalog = catalogOf(await k8sIoCatalog());
  const errors: unknown[] = [];
  const requests = new InMemoryAccessRequests([prOpenedRequest()]);
  const deps = { closed: { requests, clock: clockAt(), policy }, catalog, repo: 'kubernetes/k8s.io', branch: 'main', log: { error: (obj: unknown) => void errors.push(obj) } };

  it('a push to the groups branch reloads the catalog behind the answer; other pushes are not ours', async () => {
    expect(await handleGithubEvent(deps, 'push', { ref: 'refs/heads/main' })).toEqual({ handled: true, outcome: 'catalog-reload', accepted: true });
    expect(catalog.refreshes).toBe(1);
    expect(await handleGithubEvent(deps, 'push', { ref: 'refs/heads/feature' })).toEqual({ handled: false });
    expect(await handleGithubEvent(deps, 'push', 'not an object')).toEqual({ handled: false });
  });

  it('a closed pull request of an access branch records it; others are not ours', async () => {
    expect(await handleGithubEvent(deps, 'pull_request', closedEvent('k8s-infra-bot/access-ar-0123456789ab', true, 'someone/fork'))).toEqual({ handled: false });
    expect(await handleGithubEvent(deps, 'pull_request', closedEvent('unrelated', true))).toEqual({ handled: false });
    expect(await handleGithubEvent(deps, 'issues', closedEvent('k8s-infra-bot/access-ar-0123456789ab', true))).toEqual({ handled: false });
    expect(await handleGithubEvent(deps, 'pull_request', closedEvent('k8s-infra-bot/access-ar-0123456789ab', true))).toEqual({ handled: true, outcome: 'ar-0123456789ab: fulfilled' });
    expect(await handleGithubEvent(deps, 'pull_request', closedEvent('k8s-infra-bot/access-ar-0123456789ab', true))).toEqual({ handled: true, outcome: 'ar-0123456789ab: ignored' });
  });
});
