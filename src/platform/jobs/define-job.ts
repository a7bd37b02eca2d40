import type { z } from 'zod';
import type { CoreTables } from '../store/core-tables.ts';
import type { Executor } from '../store/executor.ts';
import type { NewJob } from './jobs.ts';
import { PermanentJobError } from './permanent-job-error.ts';

/** What a job handler is told about the run it is part of. */
export interface JobContext {
  /** The row: its id (the idempotency key it was scheduled with), due time and attempt number. */
  job: { id: string; kind: string; dueAt: Date; attempts: number };
  worker: string;
  now: Date;
  /**
   * Marks the job done inside the handler's own transaction, so its state change and its
   * completion commit together. False when the lease was lost: roll back.
   */
  complete<DB extends CoreTables>(trx: Executor<DB>): Promise<boolean>;
  /** Aborted when the runner stops or the lease can no longer be renewed: give up soon. */
  signal: AbortSignal;
}

/**
 * A kind of job: its name, the schema of its payload and its handler, kept in one file. The
 * handler receives the payload already validated; `D` are the narrow deps it needs, given by the
 * capability with `bind`.
 */
export interface JobType<S extends z.ZodType, D> {
  readonly kind: string;
  readonly payload: S;
  /** A row to schedule (through the outbox's `schedule` effect or `JobScheduler.enqueue`). */
  request(job: { id: string; dueAt: Date; payload: z.input<S> }): NewJob;
  bind(deps: D): BoundJob;
}

/** A job kind with its deps, ready for the runner. */
export interface BoundJob {
  readonly kind: string;
  /** Validates the stored payload (a mismatch fails the job for good) and runs the handler. */
  run(payload: unknown, ctx: JobContext): Promise<void>;
}

export interface JobOptions {
  /** `JOB_PRIORITY` of every row of this kind: how long it yields to more urgent due jobs (default normal). */
  priority?: number;
}

export function defineJob<S extends z.ZodType, D = void>(
  kind: string,
  payload: S,
  handler: (payload: z.output<S>, ctx: JobContext, deps: D) => Promise<void>,
  options: JobOptions = {},
): JobType<S, D> {
  return {
    kind,
    payload,
    request: (job) => ({ id: job.id, kind, dueAt: job.dueAt, payload: job.payload, ...(options.priority === undefined ? {} : { priority: options.priority }) }),
    bind: (deps) => ({
      kind,
      run: async (stored, ctx) => {
        const parsed = payload.safeParse(stored);
        // A row written by another version of the bot, or by hand: retrying cannot fix it.
        if (!parsed.success) throw new PermanentJobError(`payload of ${kind} does not match its schema: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
        await handler(parsed.data, ctx, deps);
      },
    }),
  };
}

/** Scheduling outside a state change (e.g. the first round of a schedule in `onReady`). */
export interface JobScheduler {
  /** Inserts the row unless one with its id exists; true when inserted. Wakes the runner. */
  enqueue(job: NewJob): Promise<boolean>;
  cancel(id: string): Promise<void>;
  /** Run due work soon (after a commit that queued work due now). */
  wake(): void;
}
