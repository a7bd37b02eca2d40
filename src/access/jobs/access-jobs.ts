import type { AccessRequest } from '../domain/access-request.ts';
import { expireAccess, remindBeforeExpiry, type Transition } from '../domain/access-request-lifecycle.ts';
import { runOpenPrEffect } from '../use-cases/open-access-pull-request.ts';
import { recordPullRequestAttemptFailed, withoutRetryNote } from '../domain/pull-request-attempts.ts';
import type { JobContext } from '../../platform/jobs/job-runner.ts';
import type { Job } from '../../platform/jobs/jobs.ts';
import type { BoundJob } from '../../platform/jobs/define-job.ts';
import { legacyJob } from '../../platform/jobs/legacy-job.ts';
import { ACCESS_JOB_KINDS, type AccessService } from '../access-service.ts';

function requestIdOf(job: Job): string {
  const p = job.payload as { requestId?: unknown } | null;
  if (!p || typeof p.requestId !== 'string') throw new Error(`job ${job.id} has no requestId`);
  return p.requestId;
}

/** Job handlers: the outbox, the pull request (retried with backoff), the expiry reminder and the expiry. */
export function accessJobs(service: AccessService): BoundJob[] {
  const { clock, config, access, log } = service.deps;
  const jobs: BoundJob[] = [];

  jobs.push(legacyJob(ACCESS_JOB_KINDS.effects, async (job) => {
    const p = job.payload as { requestId: string; effects: Parameters<AccessService['runOutbox']>[1] };
    await service.runOutbox(p.requestId, p.effects);
  }));

  jobs.push(legacyJob(ACCESS_JOB_KINDS.openPr, async (job, ctx: JobContext) => {
    const id = requestIdOf(job);
    const request = await service.repo.get(id);
    if (!request) return;
    let ownersApprovers: readonly string[] = request.approversAtRequest;
    try {
      ownersApprovers = (await access.catalog.get()).find(request.group.emailId)?.nearestApprovers ?? ownersApprovers;
    } catch {
      // The approvers named in the PR are a courtesy; the request's own list will do.
    }
    let transition;
    try {
      transition = await runOpenPrEffect(access.codeHost(), request, { baseBranch: config.access.branch, ownersApprovers, clock });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      log.warn({ request: id, err: message, attempt: job.attempts }, 'opening the access pull request failed; will retry');
      await service.mutate(id, (r) => recordPullRequestAttemptFailed(r, message, clock.now()));
      throw err;
    }
    const done = await service.persist(request, withoutRetryNote(transition), { completeJob: { id: job.id, worker: ctx.worker } });
    // Someone changed the request meanwhile: retry; the next attempt finds the pull request and resumes.
    if (!done) throw new Error(`access request ${id} changed while its pull request was opened`);
  }));

  const timed = (kind: string, step: (r: AccessRequest, now: Date) => Transition) =>
    legacyJob(kind, async (job, ctx) => {
      const t = await service.mutate(requestIdOf(job), (r) => step(r, clock.now()), { completeJob: { id: job.id, worker: ctx.worker } });
      if (t?.outcome === 'not-yet') throw new Error(t.message);
    });
  jobs.push(timed(ACCESS_JOB_KINDS.reminder, (r, now) => remindBeforeExpiry(r, now, service.policy)));
  jobs.push(timed(ACCESS_JOB_KINDS.expiry, expireAccess));
  return jobs;
}
