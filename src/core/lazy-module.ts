/**
 * Heavy optional clients (PagerDuty, SMTP, the database driver not in use) are imported on first
 * use, so a bot that does not use them never pays their memory or start-up time. One that does
 * registers them to be loaded before it reports ready, so the first page or notice does not wait
 * for an import either.
 */
const toWarm = new Set<() => Promise<unknown>>();

/** A module loaded once, on the first call; a failed load is retried on the next. */
export function lazyModule<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((err: unknown) => {
      loading = undefined;
      throw err;
    }));
}

/** This process will use the module: load it before /readyz says ready. */
export function warmBeforeReady(load: () => Promise<unknown>): void {
  toWarm.add(load);
}

/** Loads every module registered so far; returns the reasons of those that failed (never throws). */
export async function warmRegisteredModules(): Promise<string[]> {
  const results = await Promise.allSettled([...toWarm].map((load) => load()));
  return results.flatMap((r) => (r.status === 'rejected' ? [r.reason instanceof Error ? r.reason.message : String(r.reason)] : []));
}
