import { describe, expect, it } from 'vitest';
import type { PagingApi, RaisePageRequest } from '../../src/escalation/api.ts';
import type { CoreConfig } from '../../src/platform/config/core-schema.ts';
import { escalationStatusPager } from '../../src/status/escalation-status-pager.ts';
import type { StatusPageInput } from '../../src/status/ports/status-pager.ts';
import { RecordingNotifier } from './helpers/recording-notifier.ts';

const NOW = new Date('2026-11-24T03:15:00Z');
const input: StatusPageInput = { serviceId: 'registry', serviceName: 'registry.k8s.io', subprojectId: 'registry', summary: 'registry.k8s.io is down', details: 'HTTP 200', key: 'k8s-infra-status/registry@x' };
const config = { subprojects: [{ id: 'registry', channel: 'sig-k8s-infra-registry' }], channels: { alerts: { name: 'k8s-infra-alerts' } } } as unknown as CoreConfig;

/** The paging api as status uses it: raise, and resolve on the bot's own authority. */
function fakePaging(resolution: 'resolved' | 'already-resolved' | 'not-allowed' | undefined) {
  const raised: RaisePageRequest[] = [];
  const api = {
    raise: async (request: RaisePageRequest) => {
      raised.push(request);
      return { page: { id: 'page-1' }, created: true };
    },
    resolveOnBehalf: async () => (resolution ? { kind: resolution } : undefined),
    openPages: async () => [],
  } as unknown as PagingApi;
  return { api, raised };
}

describe('escalationStatusPager', () => {
  it('raises a critical page for the subproject as the bot, keyed on the outage', async () => {
    const paging = fakePaging('resolved');
    const pager = escalationStatusPager({ paging: () => paging.api, deliveries: new RecordingNotifier(), config });
    expect(await pager.trigger(input, NOW)).toEqual({ ref: 'page-1' });
    expect(paging.raised).toEqual([{ subprojectId: 'registry', severity: 'critical', summary: 'registry.k8s.io is down', details: 'HTTP 200', createdBy: 'k8s-infra-bot', key: 'k8s-infra-status/registry@x' }]);
    expect(await pager.resolve('page-1', input, NOW)).toBe('resolved');
  });

  it('tells the subproject channel when the page it raised stays open', async () => {
    const notifier = new RecordingNotifier();
    const pager = escalationStatusPager({ paging: () => fakePaging('not-allowed').api, deliveries: notifier, config });
    expect(await pager.resolve('page-1', input, NOW)).toBe('left-open');
    // Delivered again (the page job retried): the keyed post is found, not posted twice.
    expect(await pager.resolve('page-1', input, NOW)).toBe('left-open');
    expect(notifier.posts).toEqual([
      {
        channel: 'sig-k8s-infra-registry',
        key: 'k8s-infra-status/registry@x:left-open',
        message: { text: ':large_green_circle: registry.k8s.io recovered (HTTP 200). The page it raised is still open: the on-call can resolve it.' },
      },
    ]);
    // The probe's detail is third-party text: escaped.
    const other = new RecordingNotifier();
    await escalationStatusPager({ paging: () => fakePaging('not-allowed').api, deliveries: other, config }).resolve('page-2', { ...input, details: '<!channel> HTTP 200' }, NOW);
    expect(other.posts[0]!.message.text).toContain('(&lt;!channel&gt; HTTP 200)');
    expect(await escalationStatusPager({ paging: () => fakePaging(undefined).api, deliveries: notifier, config }).resolve('gone', input, NOW)).toBe('already-resolved');
  });
});
