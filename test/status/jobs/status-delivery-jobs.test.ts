import { describe, expect, it } from 'vitest';
import { PermanentJobError } from '../../../src/platform/jobs/permanent-job-error.ts';
import type { StateTransition } from '../../../src/status/domain/track-service-state.ts';
import { alertDelivery, statusAlertJob } from '../../../src/status/jobs/status-alert-job.ts';
import { pageDelivery, statusPageJob } from '../../../src/status/jobs/status-page-job.ts';
import { FakeStatusPager } from '../helpers/fake-status-pager.ts';
import { InMemoryStatusRepository } from '../helpers/in-memory-status-repository.ts';
import { jobContext } from '../helpers/job-context.ts';
import { alertDeps } from '../helpers/alert-deps.ts';

const NOW = new Date('2026-11-24T03:15:00Z');
const registry = { id: 'registry', name: 'registry.k8s.io', sigs: ['sig-k8s-infra', 'sig-release'], subproject: 'registry' };
const problem: StateTransition = {
  serviceId: 'registry',
  kind: 'problem',
  from: 'ok',
  to: 'down',
  since: new Date('2026-11-24T03:14:00Z'),
  at: new Date('2026-11-24T03:15:00Z'),
  detail: 'HTTP 503 (expected 200)',
};

/** What the jobs table gives back: the payload through JSON, as stored. */
function stored(effect: ReturnType<typeof alertDelivery>): { id: string; kind: string; dueAt: Date; payload: unknown } {
  if (effect.kind !== 'deliver-once') throw new Error(`expected a delivery, got ${effect.kind}`);
  const payload: unknown = JSON.parse(JSON.stringify(effect.job.payload));
  return { ...effect.job, payload };
}

describe('status-alert job', () => {
  it('is delivered once per transition, and posts it to the alerts channel from the stored row', async () => {
    const row = stored(alertDelivery(problem));
    expect(row).toMatchObject({ id: 'status-alert:registry:2026-11-24T03:15:00.000Z', kind: 'status-alert', dueAt: problem.at });
    const { deps, deliveries: notifier } = alertDeps([registry]);
    await statusAlertJob.bind(deps).run(row.payload, jobContext(row.kind, row.id, NOW));
    expect(notifier.posts).toHaveLength(1);
    expect(notifier.posts[0]!.key).toBe(row.id);
    expect(notifier.posts[0]!.channel).toBe('C0ALERTS');
    expect(notifier.posts[0]!.message.text).toBe(':red_circle: Problem: registry.k8s.io is down (was ok) · HTTP 503 (expected 200)');
    expect(JSON.stringify(notifier.posts[0]!.message.blocks)).toContain('since 2026-11-24 03:14 UTC (held 1 min)');
  });

  it('reads rows queued by earlier versions, and names a service removed from the config by its id', async () => {
    const { deps, deliveries: notifier } = alertDeps([]);
    const job = statusAlertJob.bind(deps);
    const payload = { transition: { serviceId: 'gone', kind: 'recovery', from: 'down', to: 'ok', since: '2026-11-24T03:14:00.000Z', at: '2026-11-24T03:15:00.000Z', detail: 'HTTP 200' } };
    await job.run(payload, jobContext('status-alert', 'status-alert:gone:2026-11-24T03:15:00.000Z', NOW));
    expect(notifier.posts[0]!.message.text).toBe(':large_green_circle: Recovered: gone is ok (was down) · HTTP 200');
  });

  it('fails for good on a payload that does not match (retrying cannot fix it)', async () => {
    const job = statusAlertJob.bind(alertDeps([]).deps);
    const badTime = { transition: { ...problem, since: problem.since.toISOString(), at: 'yesterday' } };
    await expect(job.run(badTime, jobContext('status-alert', 'x', NOW))).rejects.toBeInstanceOf(PermanentJobError);
    await expect(job.run(null, jobContext('status-alert', 'x', NOW))).rejects.toBeInstanceOf(PermanentJobError);
  });
});

describe('status-page job', () => {
  const page = { action: 'trigger' as const, serviceId: 'registry', dedupKey: 'k8s-infra-status/registry', detail: 'HTTP 503 (expected 200)' };

  it('raises the page keyed on the moment the outage became official, then resolves that page on recovery', async () => {
    const pager = new FakeStatusPager();
    const refs = new InMemoryStatusRepository();
    const job = statusPageJob.bind({ services: [registry], pager, pageRefs: refs });
    const trigger = stored(pageDelivery(page, problem.at));
    expect(trigger).toMatchObject({ id: 'status-page:registry:trigger:2026-11-24T03:15:00.000Z', kind: 'status-page', dueAt: problem.at });
    await job.run(trigger.payload, jobContext(trigger.kind, trigger.id, NOW));
    // Delivered twice (a retry after a crash): one page.
    await job.run(trigger.payload, jobContext(trigger.kind, trigger.id, NOW));
    expect(pager.calls.map((c) => [c.action, c.input.key, c.input.subprojectId, c.input.summary])).toEqual([
      ['trigger', 'k8s-infra-status/registry@2026-11-24T03:15:00.000Z', 'registry', 'registry.k8s.io is down'],
    ]);
    expect(await refs.pageRef('registry')).toBe('status-k8s-infra-status/registry@2026-11-24T03:15:00.000Z');

    const resolve = stored(pageDelivery({ ...page, action: 'resolve', detail: 'HTTP 200' }, new Date('2026-11-24T03:30:00Z')));
    await job.run(resolve.payload, jobContext(resolve.kind, resolve.id, NOW));
    expect(pager.calls.map((c) => c.action)).toEqual(['trigger', 'resolve']);
    expect(pager.open.size).toBe(0);
    expect(await refs.pageRef('registry')).toBeNull();
  });
});
