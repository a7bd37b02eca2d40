import { describe, expect, it } from 'vitest';
import { aggregateService } from '../../../src/status/domain/aggregate-service.ts';
import type { ProbeResult, ProbeState } from '../../../src/status/domain/probe.ts';

const now = new Date('2026-03-01T12:00:00Z');
const result = (probeId: string, state: ProbeState, detail: string, second = 0): ProbeResult => ({
  probeId,
  label: probeId,
  state,
  detail,
  checkedAt: new Date(now.getTime() + second * 1000),
  durationMs: 5,
});

describe('aggregateService', () => {
  it('worst state wins: down > degraded > unknown > ok', () => {
    const states: ProbeState[][] = [
      ['ok', 'unknown'],
      ['unknown', 'degraded'],
      ['degraded', 'down', 'unknown'],
    ];
    expect(states.map((s) => aggregateService('x', s.map((st, i) => result(`p${i}`, st, st)), now).state)).toEqual(['unknown', 'degraded', 'down']);
  });

  it('says which probe is worst and how many others are not ok', () => {
    const check = aggregateService(
      'registry',
      [result('http', 'degraded', 'TLS certificate expires in 9 days', 1), result('dns', 'down', 'registry.k8s.io A: no record', 2), result('gke', 'ok', 'RUNNING')],
      now,
    );
    expect(check).toMatchObject({ state: 'down', detail: 'dns: registry.k8s.io A: no record (+1 more not ok)', checkedAt: new Date(now.getTime() + 2000) });
    expect(check.probes).toHaveLength(3);
  });

  it('uses the only probe detail as is, and a summary when all are ok', () => {
    expect(aggregateService('r', [result('http', 'ok', 'HTTP 200')], now).detail).toBe('HTTP 200');
    expect(aggregateService('r', [result('a', 'ok', '.'), result('b', 'ok', '.')], now).detail).toBe('all 2 probes ok');
  });

  it('calls a service without probes unknown', () => {
    expect(aggregateService('r', [], now)).toEqual({ serviceId: 'r', state: 'unknown', detail: 'no probes configured', checkedAt: now, probes: [] });
  });
});
