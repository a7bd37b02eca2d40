/**
 * Polls until `predicate` holds, or throws after timeoutMs. The bot works after it acks, so a
 * test waits for the effect rather than for the request.
 */
export async function waitFor<T>(predicate: () => T | undefined | false | null, opts: { timeoutMs?: number; intervalMs?: number } = {}): Promise<T> {
  const deadline = performance.now() + (opts.timeoutMs ?? 2000);
  for (;;) {
    const v = predicate();
    if (v instanceof Promise) throw new Error('Slack emulator: waitFor wants a synchronous predicate');
    if (v) return v;
    if (performance.now() > deadline) throw new Error('Slack emulator: waitFor timed out');
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 10));
  }
}
