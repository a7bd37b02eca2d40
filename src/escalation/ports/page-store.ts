import type { PostedMessage } from '../../core/notifier.ts';
import type { JobContext } from '../../platform/jobs/define-job.ts';
import type { NotifyEffect, Transition } from '../domain/effects.ts';
import type { PageState } from '../domain/page-state.ts';

/** The audit entry of a page change (its subject is always `page:<id>`). */
export interface PageAudit {
  actor: string;
  action: string;
  payload?: Record<string, unknown>;
}

export interface TransitionOutcome<T extends Transition> {
  /** False when `fn` changed nothing (same version): nothing was written. */
  committed: boolean;
  result: T;
  before: PageState;
}

export interface TransitionOptions<T extends Transition> {
  audit?: (result: T, before: PageState) => PageAudit | undefined;
  /** The job that caused the change: marked done in the same transaction (on its own when nothing changed). */
  completing?: Pick<JobContext, 'complete'>;
}

/** Every Slack message showing a page (the channel post and each DM), so all can be updated. */
export interface PageMessage {
  pageId: string;
  channel: string;
  ts: string;
  kind: 'channel' | 'dm';
  personId: string | null;
}

export interface OutboxEntry {
  effect: NotifyEffect;
  sendingAt: number | null;
  sentAt: number | null;
  droppedAt: number | null;
}

/**
 * How the ack-wins gate decided on one notification, in a short transaction of its own:
 * - `send`: still wanted, marked "sending" and committed; the DM goes out with nothing held.
 *   `resumed`: an earlier attempt got this far (it may have sent), so look before sending again;
 * - `uncertain`: no longer wanted, but an earlier attempt may have sent it: find that DM (to show
 *   the page as it is now) before settling it as dropped;
 * - `busy`: another run of the job holds the "sending" fence (it took over after a lost lease);
 * - `dropped`: no longer wanted (acknowledged or resolved since the step chose the person);
 * - `settled-before`: sent or dropped already; `no-page`: nothing to deliver.
 */
export type DeliveryStart =
  | { kind: 'send'; page: PageState; effect: NotifyEffect; resumed: boolean }
  /** Another run of the job is sending it right now (it took over after a lost lease): try again later. */
  | { kind: 'busy' }
  | { kind: 'uncertain'; page: PageState; effect: NotifyEffect }
  | { kind: 'dropped'; effect: NotifyEffect }
  | { kind: 'settled-before' }
  | { kind: 'no-page' };

/** Timeline entries [from, to) of a page, handed to one thread delivery. */
export interface TimelineBatch {
  pageId: string;
  from: number;
  to: number;
}

/**
 * Pages with optimistic concurrency. A change is computed by the pure escalation from the page as
 * read, and written with `WHERE version = <read version>` together with its effects (outbox rows,
 * jobs) and its audit entry in one transaction; a lost race reads again and recomputes. No method
 * holds a transaction across a call to Slack or PagerDuty: callers do those between them.
 */
export interface PageStore {
  load(id: string): Promise<PageState | undefined>;
  /** Pages not resolved, newest first. */
  listOpen(limit?: number): Promise<PageState[]>;
  /** Inserts a new page with its effects; false when a page with that id exists (a retried command). */
  create(transition: Transition, now: Date, audit: PageAudit): Promise<boolean>;
  /**
   * As `create`, unless the subproject already has an open page (checked in the same transaction,
   * under a lock per subproject on PostgreSQL): then nothing is written and that page is named.
   */
  createUnlessOpen(transition: Transition, now: Date, audit: PageAudit): Promise<{ kind: 'created' } | { kind: 'exists' } | { kind: 'open'; pageId: string }>;
  /**
   * Load, compute, write if the version still matches, else load and compute again. `fn` sees the
   * fresh page every time; returning the same version means "nothing to write". Undefined when
   * there is no such page.
   */
  transition<T extends Transition>(id: string, now: Date, fn: (state: PageState) => T, options?: TransitionOptions<T>): Promise<TransitionOutcome<T> | undefined>;
  outboxEntry(key: string): Promise<OutboxEntry | undefined>;
  /**
   * The first half of the ack-wins gate: decide on the page as it is now and commit the decision;
   * `run` (one job run) holds the sending fence until `finishDelivery` or `releaseDelivery`, or it expires.
   */
  beginDelivery(key: string, now: Date, wanted: (page: PageState, effect: NotifyEffect) => boolean, run: string): Promise<DeliveryStart>;
  /** The send failed: lift `run`'s fence so the job's retry may send at once (looking first). */
  releaseDelivery(key: string, run: string): Promise<void>;
  /** The second half: the DM went out; records it as sent and as a message of the page. Answers the page as it is now. */
  finishDelivery(key: string, dm: PostedMessage, now: Date): Promise<PageState | undefined>;
  /** Settles an entry as dropped (after `uncertain` found no earlier DM). */
  dropDelivery(key: string, now: Date): Promise<void>;
  messages(pageId: string): Promise<PageMessage[]>;
  addMessage(message: PageMessage, now: Date): Promise<void>;
  /** Entries confirmed posted in the thread, and entries handed to thread deliveries. */
  timelineCursor(pageId: string): Promise<{ posted: number; scheduled: number } | undefined>;
  /**
   * Hands the entries nobody has been given yet to one thread delivery job, unless one is still
   * in flight (then that job hands them out when it is done, so the thread stays in order).
   */
  queueTimeline(pageId: string, now: Date): Promise<TimelineBatch | undefined>;
  /** A batch is in the thread: moves the cursor past it and hands out what came meanwhile. */
  timelineDelivered(batch: TimelineBatch, now: Date): Promise<TimelineBatch | undefined>;
}
