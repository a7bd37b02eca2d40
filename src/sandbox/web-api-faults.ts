import type { Json } from './slack-workspace.ts';

/**
 * Faults on the emulator's Web API, for tests of a slow or failing Slack. A fault applies to one
 * method (`chat.postMessage`), to every Web API method (`*`), or to response_url posts
 * (`response_url`), for its next `times` calls or until removed. A matching hold delays the call
 * first; then the first matching answer fault (fail, httpError, rateLimit, acceptThenDrop) decides
 * the answer, or the call is performed as usual.
 */

export interface FaultHandle {
  /** Calls this fault has touched so far. */
  readonly hits: number;
  remove(): void;
}

export interface FaultOptions {
  /** Only the next N calls (default: every call until removed). */
  times?: number;
}

export interface WebApiFaults {
  /** Hold each call `ms` before it is performed and answered; without `ms`, until releaseHeld. */
  hold(method: string, opts?: FaultOptions & { ms?: number }): FaultHandle;
  /** Answer `{ ok: false, error }` (HTTP 200, as Slack does) without performing the call. */
  fail(method: string, error: string, opts?: FaultOptions & { extra?: Json }): FaultHandle;
  /** Answer HTTP `status` (e.g. 500, 503) without performing the call. */
  httpError(method: string, status: number, opts?: FaultOptions & { body?: string }): FaultHandle;
  /** Answer HTTP 429 `ratelimited` with `Retry-After: <seconds>` without performing the call. */
  rateLimit(method: string, retryAfterSeconds: number, opts?: FaultOptions): FaultHandle;
  /** Perform the call (Slack did post), then destroy the connection before answering. */
  acceptThenDrop(method: string, opts?: FaultOptions): FaultHandle;
  /** Answers the held calls (of one method, or all) now; returns how many. */
  releaseHeld(method?: string): number;
  /** How many calls are held right now (of one method, or all). */
  heldCount(method?: string): number;
  /** Removes every fault; calls already held stay held until released or their time is up. */
  clear(): void;
}

export type AnswerFault =
  | { kind: 'fail'; error: string; extra?: Json }
  | { kind: 'http_error'; status: number; body?: string }
  | { kind: 'rate_limit'; retryAfterSeconds: number }
  | { kind: 'accept_then_drop' };

type Fault = AnswerFault | { kind: 'hold'; ms?: number };

interface Entry {
  method: string;
  fault: Fault;
  remaining: number;
  hits: number;
}

interface HeldCall {
  method: string;
  release(): void;
}

/** What the router must do with one call. */
export interface FaultPlan {
  /** Resolves when the call may go on (after its hold, or at once). */
  hold: Promise<void>;
  answer?: AnswerFault;
  /** The kinds of faults applied, for the call log. */
  applied: string[];
}

export class FaultInjector implements WebApiFaults {
  private entries: Entry[] = [];
  private readonly held: HeldCall[] = [];

  private add(method: string, fault: Fault, opts: FaultOptions = {}): FaultHandle {
    const entry: Entry = { method, fault, remaining: opts.times ?? Infinity, hits: 0 };
    this.entries.push(entry);
    return {
      get hits() {
        return entry.hits;
      },
      remove: () => {
        this.entries = this.entries.filter((e) => e !== entry);
      },
    };
  }

  hold(method: string, opts: FaultOptions & { ms?: number } = {}): FaultHandle {
    return this.add(method, { kind: 'hold', ...(opts.ms !== undefined ? { ms: opts.ms } : {}) }, opts);
  }

  fail(method: string, error: string, opts: FaultOptions & { extra?: Json } = {}): FaultHandle {
    return this.add(method, { kind: 'fail', error, ...(opts.extra ? { extra: opts.extra } : {}) }, opts);
  }

  httpError(method: string, status: number, opts: FaultOptions & { body?: string } = {}): FaultHandle {
    if (status < 400 || status > 599) throw new Error(`httpError wants a 4xx/5xx status, got ${status}`);
    return this.add(method, { kind: 'http_error', status, ...(opts.body !== undefined ? { body: opts.body } : {}) }, opts);
  }

  rateLimit(method: string, retryAfterSeconds: number, opts: FaultOptions = {}): FaultHandle {
    return this.add(method, { kind: 'rate_limit', retryAfterSeconds }, opts);
  }

  acceptThenDrop(method: string, opts: FaultOptions = {}): FaultHandle {
    return this.add(method, { kind: 'accept_then_drop' }, opts);
  }

  releaseHeld(method?: string): number {
    const now = this.held.filter((h) => method === undefined || h.method === method);
    for (const h of now) h.release();
    return now.length;
  }

  heldCount(method?: string): number {
    return this.held.filter((h) => method === undefined || h.method === method).length;
  }

  clear(): void {
    this.entries = [];
  }

  private take(method: string, isHold: boolean): Entry | undefined {
    const matches = (e: Entry) => e.remaining > 0 && (e.method === method || (e.method === '*' && method !== 'response_url'));
    const entry = this.entries.find((e) => matches(e) && (e.fault.kind === 'hold') === isHold);
    if (!entry) return undefined;
    entry.remaining -= 1;
    entry.hits += 1;
    return entry;
  }

  /** Decides the faults of one call as it arrives. */
  plan(method: string): FaultPlan {
    const applied: string[] = [];
    const holdEntry = this.take(method, true);
    let hold = Promise.resolve();
    if (holdEntry && holdEntry.fault.kind === 'hold') {
      applied.push('hold');
      const ms = holdEntry.fault.ms;
      hold = new Promise<void>((resolve) => {
        const call: HeldCall = {
          method,
          release: () => {
            clearTimeout(timer);
            const i = this.held.indexOf(call);
            if (i >= 0) this.held.splice(i, 1);
            resolve();
          },
        };
        const timer = ms === undefined ? undefined : setTimeout(() => call.release(), ms);
        this.held.push(call);
      });
    }
    const answerEntry = this.take(method, false);
    const answer = answerEntry && answerEntry.fault.kind !== 'hold' ? answerEntry.fault : undefined;
    if (answer) applied.push(answer.kind);
    return { hold, ...(answer ? { answer } : {}), applied };
  }
}
