import { z } from 'zod';
import type { Logger } from 'pino';
import type { Clock } from '../../core/clock.ts';
import { defineJob, type JobScheduler } from '../../platform/jobs/define-job.ts';
import type { MonitoredService } from '../domain/check-services.ts';
import { nextSlot, slotStart } from '../domain/round-slots.ts';
import type { CheckWriter } from '../ports/status-repository.ts';
import { recordChecks, type StatusMetrics } from '../status-metrics.ts';
import { runStatusRound } from '../use-cases/run-status-round.ts';

export interface RoundSchedule {
  jobs: JobScheduler;
  intervalMs: number;
}

export interface StatusRoundJobDeps extends RoundSchedule {
  services: () => readonly MonitoredService[];
  checks: CheckWriter;
  clock: Clock;
  probeTimeoutMs: number;
  holdChecks: number;
  /** Checks older than this are pruned after each round. */
  retentionMs: number;
  metrics: StatusMetrics;
  log: Logger;
}

/**
 * One scheduled round: whichever replica claims the row runs every probe and saves each
 * service's check with its state and its deliveries (alerts, pages), which the runner then runs.
 * The payload is empty (rows already queued hold `null`).
 */
export const statusRoundJob = defineJob('status-check', z.null(), async (_payload, ctx, deps: StatusRoundJobDeps) => {
  // Schedule the next round first: a round that fails must not end the chain.
  await scheduleNextRound(deps, ctx.now);
  const services = deps.services();
  if (services.length === 0) return;
  const endTimer = deps.metrics.roundSeconds.startTimer();
  // The slot is the job's due time (its id carries it): every run of this round records into it.
  const round = await runStatusRound({ checks: deps.checks, clock: deps.clock, probeTimeoutMs: deps.probeTimeoutMs, holdChecks: deps.holdChecks }, services, ctx.job.dueAt);
  endTimer();
  recordChecks(deps.metrics, round.checks);
  for (const t of round.transitions) deps.metrics.transitions.inc({ service: t.serviceId, kind: t.kind });
  if (round.skipped.length > 0) deps.log.info({ slot: ctx.job.dueAt.toISOString(), skipped: round.skipped }, 'status round: checks already recorded for this slot (or a newer one) were not recorded again');
  deps.log.debug({ services: round.checks.length, transitions: round.transitions.length, pages: round.pages.length }, 'status round done');
  await deps.checks.pruneChecks(new Date(ctx.now.getTime() - deps.retentionMs));
});

/** The id carries the due time, so every replica enqueueing the same round creates one row. */
export function roundJobId(due: Date): string {
  return `${statusRoundJob.kind}:${due.toISOString()}`;
}

function enqueueRound(schedule: RoundSchedule, due: Date): Promise<boolean> {
  return schedule.jobs.enqueue(statusRoundJob.request({ id: roundJobId(due), dueAt: due, payload: null }));
}

/** Enqueues the round of the slot after `now` (missed slots are skipped, not replayed). */
export async function scheduleNextRound(schedule: RoundSchedule, now: Date): Promise<void> {
  await enqueueRound(schedule, nextSlot(now, schedule.intervalMs));
}

/**
 * Puts the round of the current slot on the schedule; run each time the database becomes ready
 * (the round job keeps the chain going from then on, and the id makes this idempotent).
 */
export async function scheduleCurrentRound(schedule: RoundSchedule, now: Date): Promise<void> {
  await enqueueRound(schedule, slotStart(now, schedule.intervalMs));
  schedule.jobs.wake();
}
