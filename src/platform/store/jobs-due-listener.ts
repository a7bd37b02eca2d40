import pg from 'pg';

/**
 * The channel a job that comes due now is announced on (by a trigger on `jobs`, migration
 * 0102-job-priority): one per schema, since NOTIFY reaches the whole database. At most 63 bytes.
 * That migration's trigger is built from it: changing it needs a migration that rebuilds the trigger.
 */
export const JOBS_DUE_CHANNEL_EXPRESSION = `'jobs_due:' || left(current_schema(), 50)`;

export interface JobsDueListener {
  close(): Promise<void>;
}

export interface JobsDueListenerOptions {
  /** Called on every NOTIFY, and after each (re)connect, since announcements while away are lost. */
  onDue(): void;
  /** A lost or refused connection (it is retried). */
  onError?(err: Error): void;
  reconnectMs?: { min: number; max: number };
}

/**
 * LISTENs for jobs that come due now, on a client of its own: a pooled connection is never held
 * for it, and it reconnects (with backoff) whenever the server drops it. Nothing it does can
 * throw into the process: every error goes to `onError`.
 */
export function listenForJobsDue(clientConfig: pg.ClientConfig, options: JobsDueListenerOptions): JobsDueListener {
  const { min, max } = options.reconnectMs ?? { min: 250, max: 30_000 };
  let closed = false;
  let client: pg.Client | undefined;
  let timer: NodeJS.Timeout | undefined;
  let failures = 0;

  const report = (err: unknown) => options.onError?.(err instanceof Error ? err : new Error(String(err)));

  const retry = (from: pg.Client) => {
    if (closed || client !== from || timer) return;
    client = undefined;
    from.end().catch(() => undefined);
    const wait = Math.min(max, min * 2 ** Math.min(failures++, 10));
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, wait);
    timer.unref?.();
  };

  const connect = async () => {
    if (closed) return;
    const c = new pg.Client(clientConfig);
    client = c;
    c.on('error', (err) => {
      report(err);
      retry(c);
    });
    c.on('end', () => retry(c));
    c.on('notification', () => options.onDue());
    try {
      await c.connect();
      const { rows } = await c.query<{ channel: string }>(`select ${JOBS_DUE_CHANNEL_EXPRESSION} as channel`);
      await c.query(`listen ${c.escapeIdentifier(rows[0]!.channel)}`);
      failures = 0;
      if (closed) await c.end();
      else options.onDue();
    } catch (err) {
      report(err);
      retry(c);
    }
  };

  void connect();
  return {
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const c = client;
      client = undefined;
      await c?.end().catch(() => undefined);
    },
  };
}
