import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.ts';
import type { MonitoredService } from '../../../src/status/domain/check-services.ts';
import { runStatusRound } from '../../../src/status/use-cases/run-status-round.ts';
import { readServiceStatuses } from '../../../src/status/use-cases/read-service-statuses.ts';
import { InMemoryStatusRepository } from '../helpers/in-memory-status-repository.ts';
import { switchable } from '../helpers/switchable-probe.ts';

describe('runStatusRound', () => {
  const registryHttp = switchable('http:registry.k8s.io/v2/', 'ok');
  const registryDns = switchable('dns:k8s.io:registry', 'ok');
  const clusters = switchable('gke:k8s-infra-prow-build/us-central1/prow-build', 'ok');
  const services: MonitoredService[] = [
    { id: 'registry', name: 'registry.k8s.io', sigs: ['sig-k8s-infra', 'sig-release'], pageOnDown: true, probes: [registryHttp, registryDns] },
    { id: 'prow-build', name: 'prow-build cluster', sigs: ['sig-k8s-infra'], pageOnDown: false, probes: [clusters] },
    { id: 'empty', name: 'nothing yet', sigs: ['sig-k8s-infra'], pageOnDown: false, probes: [] },
  ];

  it('checks, damps, stores, and reports one transition and one page per change', async () => {
    const repository = new InMemoryStatusRepository();
    const clock = new ManualClock('2026-03-01T12:00:00Z');
    const round = async () => {
      const r = await runStatusRound({ checks: repository, clock, holdChecks: 2 }, services, clock.now());
      clock.advance(60_000);
      return r;
    };

    const first = await round();
    expect(first.checks.map((c) => [c.serviceId, c.state, c.detail])).toEqual([
      ['registry', 'ok', 'all 2 probes ok'],
      ['prow-build', 'ok', 'ok'],
      ['empty', 'unknown', 'no probes configured'],
    ]);
    expect(first.transitions).toEqual([]);
    const second = await round();
    // 'empty' reaches its first official state (unknown) and says so once.
    expect(second.transitions.map((t) => [t.serviceId, t.kind, t.to])).toEqual([['empty', 'problem', 'unknown']]);

    registryHttp.set('down', 'HTTP 503 (expected 200)');
    expect((await round()).transitions).toEqual([]);
    const confirmed = await round();
    expect(confirmed.transitions).toEqual([
      {
        serviceId: 'registry',
        kind: 'problem',
        from: 'ok',
        to: 'down',
        since: new Date('2026-03-01T12:02:00Z'),
        at: new Date('2026-03-01T12:03:00Z'),
        detail: 'http:registry.k8s.io/v2/: HTTP 503 (expected 200)',
      },
    ]);
    expect(confirmed.pages).toEqual([
      { action: 'trigger', serviceId: 'registry', dedupKey: 'k8s-infra-status/registry', detail: 'http:registry.k8s.io/v2/: HTTP 503 (expected 200)' },
    ]);
    expect((await round()).transitions).toEqual([]);

    registryHttp.set('ok');
    clusters.set('degraded', 'RECONCILING, 2 node pools running');
    await round();
    const recovered = await round();
    expect(recovered.transitions.map((t) => [t.serviceId, t.kind, t.from, t.to])).toEqual([
      ['registry', 'recovery', 'down', 'ok'],
      ['prow-build', 'problem', 'ok', 'degraded'],
    ]);
    expect(recovered.pages.map((p) => [p.serviceId, p.action])).toEqual([['registry', 'resolve']]);
    expect(repository.outbox).toHaveLength(4);
    // Each alert and page is a delivery keyed on its service and moment, queued with its check.
    expect(repository.outbox.flat().map((e) => (e.kind === 'deliver-once' ? `${e.key} ${e.job.dueAt.toISOString()}` : e.kind))).toEqual([
      'status-alert:empty:2026-03-01T12:01:00.000Z 2026-03-01T12:01:00.000Z',
      'status-alert:registry:2026-03-01T12:03:00.000Z 2026-03-01T12:03:00.000Z',
      'status-page:registry:trigger:2026-03-01T12:03:00.000Z 2026-03-01T12:03:00.000Z',
      'status-alert:registry:2026-03-01T12:06:00.000Z 2026-03-01T12:06:00.000Z',
      'status-page:registry:resolve:2026-03-01T12:06:00.000Z 2026-03-01T12:06:00.000Z',
      'status-alert:prow-build:2026-03-01T12:06:00.000Z 2026-03-01T12:06:00.000Z',
    ]);
    expect(repository.checks).toHaveLength(7 * 3);

    // What /k8s-infra status and /status read back.
    const statuses = await readServiceStatuses(services, repository, clock.now());
    expect(statuses.map((s) => [s.id, s.state, s.confirmed, s.since?.toISOString()])).toEqual([
      ['registry', 'ok', true, '2026-03-01T12:05:00.000Z'],
      ['prow-build', 'degraded', true, '2026-03-01T12:05:00.000Z'],
      ['empty', 'unknown', true, '2026-03-01T12:00:00.000Z'],
    ]);
    expect(statuses[0]!.probes.map((p) => p.probeId)).toEqual(['http:registry.k8s.io/v2/', 'dns:k8s.io:registry']);
    // Down from 12:02 to 12:05 of 7 minutes observed.
    expect(statuses[0]!.uptime.day).toBeCloseTo(4 / 7, 5);
    expect(statuses[2]!.uptime.day).toBeNull();
  });

  it('records a slot once per service: a round run twice, or two runs at once, records each transition once', async () => {
    const repository = new InMemoryStatusRepository();
    const clock = new ManualClock('2026-03-01T12:00:00Z');
    const probe = switchable('http:x', 'down');
    const svc: MonitoredService[] = [{ id: 'x', name: 'x', sigs: [], pageOnDown: false, probes: [probe] }];
    const slot = (m: number) => new Date(Date.parse('2026-03-01T12:00:00Z') + m * 60_000);
    await runStatusRound({ checks: repository, clock, holdChecks: 2 }, svc, slot(0));
    clock.advance(60_000);
    // The round of slot 1 outlives its lease: two runs of it, one after the other, then two at once.
    const first = await runStatusRound({ checks: repository, clock, holdChecks: 2 }, svc, slot(1));
    clock.advance(5_000);
    const again = await runStatusRound({ checks: repository, clock, holdChecks: 2 }, svc, slot(1));
    expect(first.transitions.map((t) => t.to)).toEqual(['down']);
    expect(again).toMatchObject({ transitions: [], skipped: ['x'] });
    clock.set(slot(2));
    probe.set('ok');
    const [a, b] = await Promise.all([runStatusRound({ checks: repository, clock, holdChecks: 1 }, svc, slot(2)), runStatusRound({ checks: repository, clock, holdChecks: 1 }, svc, slot(2))]);
    expect([...a.transitions, ...b.transitions].map((t) => t.to)).toEqual(['ok']);
    expect([...a.skipped, ...b.skipped]).toEqual(['x']);
    expect(repository.outbox.flat().filter((e) => e.kind === 'deliver-once')).toHaveLength(2);
    expect(repository.checks).toHaveLength(3);
  });

  it('checks only the services it is given', async () => {
    const repository = new InMemoryStatusRepository();
    const round = await runStatusRound({ checks: repository, clock: new ManualClock(0) }, [services[1]!], new Date(0));
    expect(round.checks.map((c) => c.serviceId)).toEqual(['prow-build']);
    expect([...repository.states.keys()]).toEqual(['prow-build']);
  });
});

describe('readServiceStatuses before any official state', () => {
  it('shows the latest check as unconfirmed, and never-checked services as unknown', async () => {
    const repository = new InMemoryStatusRepository();
    const clock = new ManualClock('2026-03-01T12:00:00Z');
    const svc: MonitoredService = { id: 'registry', name: 'registry.k8s.io', sigs: ['sig-k8s-infra'], pageOnDown: true, probes: [switchable('p', 'down')] };
    await runStatusRound({ checks: repository, clock }, [svc], clock.now());
    const [checked, never] = await readServiceStatuses([svc, { id: 'other', name: 'other', sigs: [] }], repository, clock.now());
    expect(checked).toMatchObject({ state: 'down', confirmed: false, since: null, detail: 'down' });
    expect(never).toMatchObject({ state: 'unknown', confirmed: false, detail: 'not checked yet', lastCheckedAt: null });
  });

  it('prunes old checks', async () => {
    const repository = new InMemoryStatusRepository();
    const clock = new ManualClock('2026-03-01T12:00:00Z');
    const svc: MonitoredService = { id: 's', name: 's', sigs: [], pageOnDown: false, probes: [switchable('p', 'ok')] };
    await runStatusRound({ checks: repository, clock }, [svc], clock.now());
    clock.advance(9 * 24 * 3600_000);
    await runStatusRound({ checks: repository, clock }, [svc], clock.now());
    expect(await repository.pruneChecks(new Date(clock.now().getTime() - 8 * 24 * 3600_000))).toBe(1);
    expect(repository.checks).toHaveLength(1);
  });
});
