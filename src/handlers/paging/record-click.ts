import { isDatabaseUnavailable } from '../../platform/store/database-unavailable.ts';
import { clickFailed, clickNotRecorded, clickPending, type ClickKind } from '../../escalation/views/page-replies.ts';
import { answer, type PageButtonArgs } from './page-buttons.ts';

/** Returned when the click could not be recorded (the person has been told). */
export const NOT_RECORDED = Symbol('not recorded');

const FIRST_WAIT_MS = 250;
const LONGEST_WAIT_MS = 4000;

/** A use case still running after this long is waiting on a slow or frozen database: say so. */
const SLOW_MS = 2500;

/**
 * Runs a click's use case so that no click is dropped silently. While the database is unreachable
 * the use case is retried in this process, for up to `retryMs` (its `now` stays the time of the
 * click, so an acknowledgement records when it was made), and the person is told at once that it
 * is pending (also when the database is only slow to answer); when the retries run out, or on any
 * other failure, they are told it was not recorded. Nothing is held meanwhile: each attempt is
 * one short transaction.
 */
export async function recordClick<T>(args: PageButtonArgs, kind: ClickKind, retryMs: number, work: () => Promise<T>, sleep: (ms: number) => Promise<void> = wait): Promise<T | typeof NOT_RECORDED> {
  const deadline = Date.now() + retryMs;
  let told = false;
  const tellPending = async (why: 'down' | 'slow') => {
    if (told) return;
    told = true;
    await answer(args, clickPending(kind, why === 'down' ? Math.round(retryMs / 1000) : undefined)).catch(() => undefined);
  };
  const slow = setTimeout(() => void tellPending('slow'), SLOW_MS);
  try {
    for (let waitMs = FIRST_WAIT_MS; ; waitMs = Math.min(LONGEST_WAIT_MS, waitMs * 2)) {
      try {
        return await work();
      } catch (err) {
        if (!isDatabaseUnavailable(err)) {
          await answer(args, clickFailed(kind)).catch(() => undefined);
          throw err;
        }
        if (Date.now() + waitMs > deadline) {
          await answer(args, clickNotRecorded(kind));
          return NOT_RECORDED;
        }
        await tellPending('down');
        await sleep(waitMs);
      }
    }
  } finally {
    clearTimeout(slow);
  }
}

function wait(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
