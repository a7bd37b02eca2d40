import { isDatabaseUnavailable } from '../../platform/store/database-unavailable.ts';
import { clickFailed, clickNotRecorded, clickPending, type ClickKind } from '../../escalation/views/page-replies.ts';
import { answer, type PageButtonArgs } from './page-buttons.ts';

/** Returned when the click could not be recorded (the person has been told). */
export const NOT_RECORDED = Symbol('not recorded');

const FIRST_WAIT_MS = 250;
const LONGEST_WAIT_MS = 4000;

/**
 * Runs a click's use case so that no click is dropped silently. While the database is unreachable
 * the use case is retried in this process, for up to `retryMs` (its `now` stays the time of the
 * click, so an acknowledgement records when it was made), and the person is told at once that it
 * is pending; when the retries run out, or on any other failure, they are told it was not
 * recorded. Nothing is held meanwhile: each attempt is one short transaction.
 */
export async function recordClick<T>(args: PageButtonArgs, kind: ClickKind, retryMs: number, work: () => Promise<T>, sleep: (ms: number) => Promise<void> = wait): Promise<T | typeof NOT_RECORDED> {
  const deadline = Date.now() + retryMs;
  let told = false;
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
      if (!told) {
        told = true;
        await answer(args, clickPending(kind, Math.round(retryMs / 1000))).catch(() => undefined);
      }
      await sleep(waitMs);
    }
  }
}

function wait(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
