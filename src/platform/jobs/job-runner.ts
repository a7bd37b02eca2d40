import type { Logger } from 'pino';
import type { Clock } from '../../core/clock.ts';
import type { Job, Jobs } from './jobs.ts';
import type { BoundJob, JobContext } from './define-job.ts';
import { PermanentJobError } from './permanent-job-error.ts';

export type { JobContext } from './define-job.ts';
export { PermanentJobError } from './permanent-job-error.ts';

/**
 * A handler does the job's work. It should commit its state change together with
 * `jobs.complete(job.id, ctx.worker, now, trx)`; if it returns without completing, the runner
 * completes the job. Throwing retries with backoff; `PermanentJobError` fails it for good.
 */
export type JobHandler = (job: Job, ctx: JobContext) => Promise<void>;

export interface JobRunnerOptions {
  worker: string;
  pollMs?: number;
  batch?: number;
  leaseMs?: number;
  maxAttempts?: number;
}

export function backoffMs(attempt: number): number {
  return Math.min(60 * 60_000, 1000 * 2 ** Math.min(attempt, 20));
}

/** A `Retry-After` carried by the error (Slack's rate-limited error has `retryAfter` in seconds). */
function retryAfterMs(err: unknown): number | undefined {
  const seconds = err !== null && typeof err === 'object' && 'retryAfter' in err ? Number(err.retryAfter) : NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  /** The jobs running now, by their abort controller (aborted when a stop's grace runs out). */
  private readonly inFlight = new Map<AbortController, Job>();
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private stopped = true;
  private wakeRequested = false;
  readonly worker: string;
  private readonly pollMs: number;
  private readonly batch: number;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;

  constructor(
    private readonly jobs: Jobs,
    private readonly clock: Clock,
    private readonly log: Logger,
    options: JobRunnerOptions,
  ) {
    this.worker = options.worker;
    this.pollMs = options.pollMs ?? 250;
    this.batch = options.batch ?? 32;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.maxAttempts = options.maxAttempts ?? 12;
  }

  register(kind: string, handler: JobHandler): void {
    if (this.handlers.has(kind)) throw new Error(`job kind ${kind} registered twice`);
    this.handlers.set(kind, handler);
  }

  /** A job kind defined with `defineJob` (payload validated before the handler runs). */
  add(job: BoundJob): void {
    this.register(job.kind, (row, ctx) => job.run(row.payload, ctx));
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /**
   * Stops claiming jobs and waits for the running ones, at most `graceMs`. Those still running then
   * are aborted and their claims released (due again at their own time, unclaimed), so another
   * replica runs them at once instead of waiting for the lease to expire; a handler that finishes
   * later can no longer complete a job it lost. Returns how many were released.
   */
  async stop(graceMs = Number.POSITIVE_INFINITY): Promise<number> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const deadline = performance.now() + graceMs;
    while ((this.running || this.inFlight.size > 0) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    const left = [...this.inFlight];
    for (const [abort] of left) abort.abort(new Error('shutting down'));
    await Promise.all(
      left.map(([, job]) =>
        this.jobs
          .retryLater(job.id, this.worker, job.dueAt, 'released at shutdown before it finished', this.clock.now())
          .catch((err: unknown) => this.log.error({ job: job.id, err: err instanceof Error ? err.message : String(err) }, 'could not release a job at shutdown; its lease expires instead')),
      ),
    );
    if (left.length > 0) this.log.warn({ jobs: left.map(([, job]) => job.id) }, 'shutdown grace ran out; released the jobs still running');
    return left.length;
  }

  /** Run due work soon, e.g. right after enqueueing a job due now. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wakeRequested = true;
      return;
    }
    this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
    this.timer.unref?.();
  }

  /**
   * Runs every due job until none is left; exported for tests that drive time by hand. Returns how
   * many ran. Up to `batch` jobs are in flight at once, and more are claimed as soon as half the
   * slots are free, so one slow job (a Slack call, a row lock) never holds back the rest.
   */
  async runDue(): Promise<number> {
    let total = 0;
    const inFlight = new Set<Promise<void>>();
    for (;;) {
      const room = this.batch - inFlight.size;
      // Once stopped, the runner's own pass claims nothing more and only waits for what it holds
      // (a test driving time by hand still calls runDue() on a stopped runner).
      if (!(this.stopped && this.running) && (inFlight.size === 0 || room >= this.batch / 2)) {
        const claimed = await this.jobs.claimDue(this.worker, this.clock.now(), room, this.leaseMs);
        total += claimed.length;
        for (const job of claimed) {
          const running: Promise<void> = this.runOne(job).finally(() => inFlight.delete(running));
          inFlight.add(running);
        }
        if (claimed.length === 0 && inFlight.size === 0) return total;
        if (claimed.length === room && room > 0) continue;
      }
      if (inFlight.size > 0) await Promise.race(inFlight);
      else return total;
    }
  }

  private async tick(): Promise<void> {
    if (this.stopped || this.running) return;
    this.running = true;
    try {
      await this.runDue();
    } catch (err) {
      this.log.error({ err }, 'job runner pass failed; will retry');
    } finally {
      this.running = false;
    }
    if (this.stopped) return;
    if (this.wakeRequested) {
      this.wakeRequested = false;
      this.schedule(0);
      return;
    }
    this.schedule(this.pollMs);
  }

  private async runOne(job: Job): Promise<void> {
    const handler = this.handlers.get(job.kind);
    const now = this.clock.now();
    if (!handler) {
      await this.jobs.fail(job.id, this.worker, `no handler for job kind ${job.kind}`, now);
      this.log.error({ job: job.id, kind: job.kind }, 'no handler for job kind');
      return;
    }
    const abort = new AbortController();
    this.inFlight.set(abort, job);
    // A job that runs longer than its lease (a slow Slack, a long probe round) keeps it: without
    // renewal another worker would claim it again and run it a second time, concurrently.
    const renewal = setInterval(() => {
      void this.jobs.renew(job.id, this.worker, this.clock.now(), this.leaseMs).then(
        (held) => {
          if (!held && !abort.signal.aborted) {
            this.log.warn({ job: job.id, kind: job.kind }, 'job lease lost while running; stopping it');
            abort.abort(new Error('job lease lost'));
          }
        },
        (err: unknown) => this.log.warn({ job: job.id, err: err instanceof Error ? err.message : String(err) }, 'could not renew a job lease'),
      );
    }, Math.max(50, Math.floor(this.leaseMs / 3)));
    renewal.unref?.();
    const ctx: JobContext = {
      job: { id: job.id, kind: job.kind, dueAt: job.dueAt, attempts: job.attempts },
      worker: this.worker,
      now,
      complete: (trx) => this.jobs.complete(job.id, this.worker, this.clock.now(), trx),
      signal: abort.signal,
    };
    try {
      await handler(job, ctx);
      await this.jobs.complete(job.id, this.worker, this.clock.now());
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (err instanceof PermanentJobError || job.attempts >= this.maxAttempts) {
        this.log.error({ job: job.id, kind: job.kind, err: message }, 'job failed permanently');
        await this.jobs.fail(job.id, this.worker, message, this.clock.now());
      } else {
        const retryAt = new Date(this.clock.now().getTime() + Math.max(backoffMs(job.attempts), retryAfterMs(err) ?? 0));
        this.log.warn({ job: job.id, kind: job.kind, err: message, retryAt }, 'job failed; retrying');
        await this.jobs.retryLater(job.id, this.worker, retryAt, message, this.clock.now());
      }
    } finally {
      clearInterval(renewal);
      this.inFlight.delete(abort);
    }
  }
}
