import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.ts';
import { checkServices } from '../../../src/status/domain/check-services.ts';
import type { Probe, ProbeVerdict } from '../../../src/status/domain/probe.ts';
import { switchable } from '../helpers/switchable-probe.ts';

describe('checkServices', () => {
  it('checkServices runs every probe of every service concurrently under one timeout', async () => {
    const hang: Probe = { id: 'hang', type: 'test', label: 'hang', run: () => new Promise<ProbeVerdict>(() => {}) };
    const started = performance.now();
    const checks = await checkServices(
      [
        { id: 'a', name: 'a', sigs: [], pageOnDown: false, probes: [hang, switchable('ok', 'ok')] },
        { id: 'b', name: 'b', sigs: [], pageOnDown: false, probes: [hang] },
      ],
      { clock: new ManualClock(0), timeoutMs: 100 },
    );
    expect(checks.map((c) => [c.serviceId, c.state, c.probes.length])).toEqual([
      ['a', 'unknown', 2],
      ['b', 'unknown', 1],
    ]);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

