import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../src/platform/store/audit-log.ts';
import { handleGithubEvent } from '../../../src/access/http/github-events.ts';
import { InMemoryAccessRequests } from '../helpers/in-memory-access-requests.ts';
import { catalogOf, clockAt, k8sIoCatalog, policy, prOpenedRequest } from '../helpers/use-case-fixtures.ts';

function closedEvent(branch: string, merged: boolean, repo = 'kubernetes/k8s.io', number = 7, headRepo = 'kubernetes/k8s.io') {
  return { action: 'closed', number, pull_request: { number, merged, head: { ref: branch, repo: { full_name: headRepo } }, base: { ref: 'main', repo: { full_name: repo } } }, repository: { full_name: repo } };
}

describe('handleGithubEvent (access)', async () => {
  const catalog = catalogOf(await k8sIoCatalog());
  const errors: unknown[] = [];
  const requests = new InMemoryAccessRequests([prOpenedRequest()]);
  const audited: AuditEntry[] = [];
  const audit = { record: async (e: AuditEntry) => (audited.push(e), 'id') };
  const deps = { closed: { requests, clock: clockAt(), policy, headRepo: 'kubernetes/k8s.io', audit }, catalog, repo: 'kubernetes/k8s.io', branch: 'main', log: { error: (obj: unknown) => void errors.push(obj) } };

  it('a push to the groups branch reloads the catalog behind the answer; other pushes are not ours', async () => {
    expect(await handleGithubEvent(deps, 'push', { ref: 'refs/heads/main' })).toEqual({ handled: true, outcome: 'catalog-reload', accepted: true });
    expect(catalog.refreshes).toBe(1);
    expect(await handleGithubEvent(deps, 'push', { ref: 'refs/heads/feature' })).toEqual({ handled: false });
    expect(await handleGithubEvent(deps, 'push', 'not an object')).toEqual({ handled: false });
  });

  it('a closed pull request of an access branch records it; others are not ours', async () => {
    expect(await handleGithubEvent(deps, 'pull_request', closedEvent('k8s-infra-bot/access-ar-0123456789ab', true, 'someone/fork'))).toEqual({ handled: false });
    expect(await handleGithubEvent(deps, 'pull_request', closedEvent('unrelated', true, 'kubernetes/k8s.io', 99))).toEqual({ handled: false });
    expect(await handleGithubEvent(deps, 'issues', closedEvent('k8s-infra-bot/access-ar-0123456789ab', true))).toEqual({ handled: false });
    // The bot's branch name on a fork, another number: ignored and audited, the request untouched.
    expect(await handleGithubEvent(deps, 'pull_request', closedEvent('k8s-infra-bot/access-ar-0123456789ab', false, 'kubernetes/k8s.io', 8, 'mallory/k8s.io'))).toEqual({
      handled: true,
      outcome: 'ar-0123456789ab: ignored (the branch is the bot’s but the pull request is not)',
      accepted: true,
    });
    // The bot's number from another head repository: ignored too.
    expect(await handleGithubEvent(deps, 'pull_request', closedEvent('k8s-infra-bot/access-ar-0123456789ab', false, 'kubernetes/k8s.io', 7, 'mallory/k8s.io'))).toMatchObject({ outcome: expect.stringContaining('ignored') });
    expect(audited.map((a) => [a.action, a.payload.pr, a.payload.headRepo])).toEqual([
      ['access.github-event-ignored', 8, 'mallory/k8s.io'],
      ['access.github-event-ignored', 7, 'mallory/k8s.io'],
    ]);
    expect((await requests.get('ar-0123456789ab'))?.status).toBe('pr_opened');
    expect(await handleGithubEvent(deps, 'pull_request', closedEvent('k8s-infra-bot/access-ar-0123456789ab', true))).toEqual({ handled: true, outcome: 'ar-0123456789ab: fulfilled' });
    expect(await handleGithubEvent(deps, 'pull_request', closedEvent('k8s-infra-bot/access-ar-0123456789ab', true))).toEqual({ handled: true, outcome: 'ar-0123456789ab: ignored' });
  });
});
