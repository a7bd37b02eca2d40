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
  /** Set by stop(): the pass in progress claims nothing more and returns once its jobs are done. */
  private draining = false;
  /** Work may have come due (a wake, a NOTIFY) since the last claim came back short. */
  private woken = false;
  /** Resolves the running pass's wait, so it claims at once. */
  private nudge: (() => void) | undefined;
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
    this.draining = true;
    this.nudge?.();
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
    this.draining = false;
    return left.length;
  }

  /** Run due work soon, e.g. right after enqueueing a job due now (or when told another replica did). */
  wake(): void {
    if (this.stopped) return;
    this.woken = true;
    if (this.running) {
      this.nudge?.();
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
   * many ran. Up to `batch` jobs are in flight at once, and the pass claims more whenever a slot is
   * free and work may be due: right away while claims come back full (more is waiting), on a wake
   * (a commit or another replica queued work due now), after `pollMs` (work came due by the clock),
   * and once more when the last job finishes. One slow job (a Slack call, a row lock) holds its
   * own slot only, never the claiming of the rest.
   */
  async runDue(): Promise<number> {
    let total = 0;
    let backlog = true;
    const inFlight = new Set<Promise<void>>();
    for (;;) {
      const room = this.batch - inFlight.size;
      if (!this.draining && !(this.stopped && this.running) && room > 0 && (backlog || this.woken || inFlight.size === 0)) {
        // Give timers and I/O (a click waiting to be answered) a turn first: on SQLite every query
        // resolves without leaving the microtask queue, so a busy pass would otherwise starve them.
        await new Promise<void>((r) => setImmediate(r));
        this.woken = false;
        const claimed = await this.jobs.claimDue(this.worker, this.clock.now(), room, this.leaseMs);
        backlog = claimed.length === room;
        total += claimed.length;
        for (const job of claimed) {
          // A job whose outcome could not be recorded (the database went away) keeps its lease and
          // runs again when it expires; it must not take the pass, or the process, down with it.
          const running: Promise<void> = this.runOne(job)
            .catch((err: unknown) => this.log.error({ job: job.id, kind: job.kind, err: err instanceof Error ? err.message : String(err) }, 'could not record a job outcome; it runs again after its lease'))
            .finally(() => inFlight.delete(running));
          inFlight.add(running);
        }
      }
      if (inFlight.size === 0) return total;
      if (await this.slotOrWake(inFlight)) backlog = true;
    }
  }

  /** Waits until a job finishes, a wake comes, or `pollMs` passes (then true: claim again). */
  private async slotOrWake(inFlight: ReadonlySet<Promise<void>>): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        ...[...inFlight].map((p) => p.then(() => false)),
        new Promise<boolean>((resolve) => {
          this.nudge = () => resolve(false);
          timer = setTimeout(() => resolve(true), this.pollMs);
          timer.unref?.();
        }),
      ]);
    } finally {
      this.nudge = undefined;
      if (timer) clearTimeout(timer);
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
    this.schedule(this.woken ? 0 : this.pollMs);
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
