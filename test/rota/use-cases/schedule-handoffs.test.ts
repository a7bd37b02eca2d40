import { describe, expect, it } from 'vitest';
import type { NewJob } from '../../../src/platform/jobs/jobs.ts';
import { scheduleHandoffs } from '../../../src/rota/use-cases/schedule-handoffs.ts';
import { memoryRotaDeps } from '../helpers/memory-rota.ts';

describe('scheduleHandoffs', () => {
  it('enqueues the next handoff of every subproject with a rotation, once however often it runs', async () => {
    const { deps, clock } = memoryRotaDeps('2026-11-24T03:12:00Z');
    const rows = new Map<string, NewJob>();
    const jobs = { enqueue: async (job: NewJob) => !rows.has(job.id) && Boolean(rows.set(job.id, job)) };
    expect(await scheduleHandoffs({ ...deps, jobs }, clock.now())).toBe(4);
    expect(await scheduleHandoffs({ ...deps, jobs }, clock.now())).toBe(0);
    expect([...rows.keys()].filter((id) => id.startsWith('handoff:dns:'))).toEqual(['handoff:dns:2026-11-30T08:00:00.000Z']);
    expect(rows.get('handoff:dns:2026-11-30T08:00:00.000Z')).toMatchObject({ kind: 'rota.handoff', payload: { subprojectId: 'dns', at: '2026-11-30T08:00:00.000Z' } });
  });
});
