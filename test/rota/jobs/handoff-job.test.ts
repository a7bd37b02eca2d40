import { describe, expect, it } from 'vitest';
import type { JobContext } from '../../../src/platform/jobs/define-job.ts';
import { PermanentJobError } from '../../../src/platform/jobs/permanent-job-error.ts';
import { handoffJob, handoffRequest, ROTA_JOB_KINDS } from '../../../src/rota/jobs/handoff-job.ts';
import { memoryRotaDeps } from '../helpers/memory-rota.ts';

const AT = new Date('2026-11-30T08:00:00Z');

function context(): JobContext & { completed: number } {
  const ctx = {
    job: { id: 'handoff:dns:2026-11-30T08:00:00.000Z', kind: ROTA_JOB_KINDS.handoff, dueAt: AT, attempts: 1 },
    worker: 'test',
    now: AT,
    completed: 0,
    complete: async () => {
      ctx.completed++;
      return true;
    },
    signal: new AbortController().signal,
  };
  return ctx;
}

describe('the handoff job', () => {
  it('keeps its kind name and id, and schedules with the payload it reads', () => {
    expect(handoffJob.kind).toBe('rota.handoff');
    expect(handoffRequest('dns', AT)).toEqual({ id: 'handoff:dns:2026-11-30T08:00:00.000Z', kind: 'rota.handoff', dueAt: AT, payload: { subprojectId: 'dns', at: '2026-11-30T08:00:00.000Z' } });
  });

  it('announces through a transaction that completes the job', async () => {
    const { deps, store, notifier } = memoryRotaDeps('2026-11-30T08:00:00Z');
    const ctx = context();
    const bound = handoffJob.bind({ ...deps, commitCompleting: () => store.commit });
    await bound.run(handoffRequest('dns', AT).payload, ctx);
    expect(notifier.posts).toHaveLength(1);
    expect(store.announcements).toHaveLength(1);
  });

  it('fails for good on a payload it cannot read', async () => {
    const { deps, store } = memoryRotaDeps('2026-11-30T08:00:00Z');
    const bound = handoffJob.bind({ ...deps, commitCompleting: () => store.commit });
    await expect(bound.run({ subprojectId: 'dns', at: 'next monday' }, context())).rejects.toBeInstanceOf(PermanentJobError);
    await expect(bound.run({ at: AT.toISOString() }, context())).rejects.toBeInstanceOf(PermanentJobError);
    expect(store.effects).toEqual([]);
  });
});
