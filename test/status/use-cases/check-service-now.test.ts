import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.ts';
import type { MonitoredService } from '../../../src/status/domain/check-services.ts';
import type { Probe, ProbeVerdict } from '../../../src/status/domain/probe.ts';
import { checkServiceNow } from '../../../src/status/use-cases/check-service-now.ts';
import { runStatusRound } from '../../../src/status/use-cases/run-status-round.ts';
import { InMemoryStatusRepository } from '../helpers/in-memory-status-repository.ts';
import { switchable } from '../helpers/switchable-probe.ts';

describe('checkServiceNow', () => {
  const clock = new ManualClock('2026-03-01T12:00:00Z');
  const probe = switchable('http:registry.k8s.io/v2/', 'ok');
  const registry: MonitoredService = { id: 'registry', name: 'registry.k8s.io', sigs: ['sig-k8s-infra'], pageOnDown: true, probes: [probe] };

  it('before any official state, shows what the probes say now', async () => {
    const statuses = new InMemoryStatusRepository();
    probe.set('down', 'HTTP 503');
    const status = await checkServiceNow({ statuses, clock, probeTimeoutMs: 1000 }, registry, clock.now());
    expect(status).toMatchObject({ id: 'registry', state: 'down', confirmed: false, detail: 'HTTP 503', lastCheckedAt: clock.now() });
    expect(status.probes.map((p) => [p.probeId, p.state])).toEqual([['http:registry.k8s.io/v2/', 'down']]);
    expect(statuses.checks).toEqual([]);
  });

  it('keeps the official state (flap damping still applies) with the live probes and detail beside it', async () => {
    const statuses = new InMemoryStatusRepository();
    probe.set('ok', 'HTTP 200');
    await runStatusRound({ checks: statuses, clock, holdChecks: 2 }, [registry], clock.now());
    clock.advance(60_000);
    await runStatusRound({ checks: statuses, clock, holdChecks: 2 }, [registry], clock.now());
    clock.advance(60_000);
    probe.set('down', 'HTTP 503');
    const status = await checkServiceNow({ statuses, clock, probeTimeoutMs: 1000 }, registry, clock.now());
    expect(status).toMatchObject({ state: 'ok', confirmed: true, detail: 'HTTP 503', lastCheckedAt: clock.now() });
    expect(status.probes[0]!.state).toBe('down');
  });

  it('answers within the probe timeout when a probe hangs', async () => {
    const hang: Probe = { id: 'hang', type: 'test', label: 'hang', run: () => new Promise<ProbeVerdict>(() => {}) };
    const started = performance.now();
    const status = await checkServiceNow({ statuses: new InMemoryStatusRepository(), clock, probeTimeoutMs: 100 }, { ...registry, probes: [hang] }, clock.now());
    expect(status.state).toBe('unknown');
    expect(status.detail).toBe('no answer within 100 ms');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
