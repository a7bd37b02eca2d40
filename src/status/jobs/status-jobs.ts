import type { LegacyDeps as AppDeps } from '../../platform/app-deps.ts';
import type { JobContext } from '../../platform/jobs/job-runner.ts';
import type { Job } from '../../platform/jobs/jobs.ts';
import { STATUS_JOB_KINDS, type StatusAlertJobPayload, type StatusPageJobPayload } from '../store/status-repository.ts';
import { runStatusChecks } from '../domain/run-status-checks.ts';
import type { StatusPageInput } from '../ports/status-pager.ts';
import type { StateTransition } from '../domain/track-service-state.ts';
import { statusAlertMessage } from '../views/status-alert.ts';
import { recordChecks, statusMetrics } from '../status-metrics.ts';
import type { StatusRuntime } from '../status-runtime.ts';

/** Start of the schedule slot `now` falls in. */
export function slotStart(now: Date, intervalMs: number): Date {
  return new Date(Math.floor(now.getTime() / intervalMs) * intervalMs);
}

/** The id carries the due time, so every replica enqueueing the same round creates one row. */
export function roundJobId(due: Date): string {
  return `${STATUS_JOB_KINDS.round}:${due.toISOString()}`;
}

/** Enqueues the round of the slot after `now` (missed slots are skipped, not replayed). */
export async function scheduleNextRound(deps: AppDeps, runtime: StatusRuntime, now: Date): Promise<void> {
  const due = new Date(slotStart(now, runtime.settings.intervalMs).getTime() + runtime.settings.intervalMs);
  await deps.jobs.enqueue({ id: roundJobId(due), kind: STATUS_JOB_KINDS.round, dueAt: due }, now);
}

/**
 * One scheduled round: whichever replica claims the row runs every probe, saves each service's
 * check with its state and outbox jobs (alerts, pages), then the runner delivers those.
 */
export async function runRoundJob(deps: AppDeps, runtime: StatusRuntime, _job: Job, ctx: JobContext): Promise<void> {
  // Schedule the next round first: a round that fails must not end the chain.
  await scheduleNextRound(deps, runtime, ctx.now);
  const services = runtime.services();
  if (services.length === 0) return;
  const metrics = statusMetrics(deps.metrics.registry);
  const endTimer = metrics.roundSeconds.startTimer();
  const round = await runStatusChecks(services, {
    repository: runtime.repository,
    clock: deps.clock,
    timeoutMs: runtime.settings.probeTimeoutMs,
    holdChecks: runtime.settings.holdChecks,
  });
  endTimer();
  recordChecks(metrics, round.checks);
  for (const t of round.transitions) metrics.transitions.inc({ service: t.serviceId, kind: t.kind });
  deps.log.debug({ services: round.checks.length, transitions: round.transitions.length, pages: round.pages.length }, 'status round done');
  await runtime.repository.pruneChecks(new Date(ctx.now.getTime() - runtime.settings.retentionMs));
  if (round.transitions.length > 0 || round.pages.length > 0) deps.jobRunner.wake();
}

export async function runAlertJob(deps: AppDeps, runtime: StatusRuntime, job: Job): Promise<void> {
  const { transition: t } = job.payload as StatusAlertJobPayload;
  const transition: StateTransition = { ...t, since: new Date(t.since), at: new Date(t.at) };
  const configured = deps.config.services.find((s) => s.id === t.serviceId);
  const service = configured ?? { id: t.serviceId, name: t.serviceId, sigs: [] };
  const message = statusAlertMessage(transition, service, `${deps.publicUrl}/status`);
  await deps.notifier.post(deps.config.channels.alerts.id ?? deps.config.channels.alerts.name, message);
  void runtime;
}

export async function runPageJob(deps: AppDeps, runtime: StatusRuntime, job: Job, ctx: JobContext): Promise<void> {
  const { page, at } = job.payload as StatusPageJobPayload;
  const service = deps.config.services.find((s) => s.id === page.serviceId);
  if (!service) return; // removed from the config since
  const input: StatusPageInput = {
    serviceId: service.id,
    serviceName: service.name,
    subprojectId: service.subproject,
    summary: `${service.name} is down`,
    details: page.detail,
    key: `${page.dedupKey}@${at}`,
  };
  if (page.action === 'trigger') {
    const { ref } = await runtime.pager.trigger(input, ctx.now);
    await runtime.repository.setPageRef(service.id, ref);
    return;
  }
  const ref = await runtime.repository.pageRef(service.id);
  if (!ref) return;
  await runtime.pager.resolve(ref, input, ctx.now);
  await runtime.repository.setPageRef(service.id, null);
}

/**
 * Puts the round of the current slot on the schedule; called each time the database becomes
 * ready (the round job keeps the chain going from then on, and the id makes this idempotent).
 */
export async function bootstrapSchedule(deps: AppDeps, runtime: StatusRuntime, now: Date): Promise<void> {
  if (!runtime.settings.scheduled) return;
  const due = slotStart(now, runtime.settings.intervalMs);
  await deps.jobs.enqueue({ id: roundJobId(due), kind: STATUS_JOB_KINDS.round, dueAt: due }, now);
  deps.jobRunner.wake();
}
