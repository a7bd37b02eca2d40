import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.ts';
import type { MonitoredService } from '../../../src/status/domain/check-services.ts';
import type { Probe, ProbeVerdict } from '../../../src/status/domain/probe.ts';
import { readStatusSummary } from '../../../src/status/use-cases/read-status-summary.ts';
import { runStatusRound } from '../../../src/status/use-cases/run-status-round.ts';
import { InMemoryStatusRepository } from '../helpers/in-memory-status-repository.ts';

/** A probe that counts its runs. */
function counted(id: string, verdict: ProbeVerdict): Probe & { runs: number } {
  const probe = { id, type: 'test', label: id, runs: 0, run: async () => (probe.runs++, verdict) };
  return probe;
}

describe('readStatusSummary', () => {
  it('shows stored rounds, and checks live only the services no round has checked yet', async () => {
    const clock = new ManualClock('2026-03-01T12:00:00Z');
    const statuses = new InMemoryStatusRepository();
    const old = counted('old', { state: 'ok', detail: 'HTTP 200' });
    const fresh = counted('fresh', { state: 'down', detail: 'HTTP 503' });
    const oldService: MonitoredService = { id: 'old', name: 'old.k8s.io', sigs: ['sig-k8s-infra'], pageOnDown: false, probes: [old] };
    const newService: MonitoredService = { id: 'new', name: 'new.k8s.io', sigs: ['sig-k8s-infra'], pageOnDown: false, probes: [fresh] };
    const empty: MonitoredService = { id: 'empty', name: 'no probes', sigs: [], pageOnDown: false, probes: [] };
    await runStatusRound({ checks: statuses, clock }, [oldService], clock.now());
    clock.advance(60_000);

    const summary = await readStatusSummary({ statuses, clock, probeTimeoutMs: 1000 }, [oldService, newService, empty], clock.now());
    expect(summary.map((s) => [s.id, s.state, s.detail, s.lastCheckedAt?.toISOString() ?? null])).toEqual([
      ['old', 'ok', 'HTTP 200', '2026-03-01T12:00:00.000Z'],
      ['new', 'down', 'HTTP 503', '2026-03-01T12:01:00.000Z'],
      ['empty', 'unknown', 'not checked yet', null],
    ]);
    expect([old.runs, fresh.runs]).toEqual([1, 1]);
    // Nothing live is stored: a summary is not a round.
    expect(statuses.checks.map((c) => c.serviceId)).toEqual(['old']);
  });
});
