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
  sentAt: number | null;
  droppedAt: number | null;
}

/** What the notification gate did with one outbox entry. */
export type DeliveryOutcome = 'sent' | 'dropped' | 'settled-before' | 'no-page';

export interface DeliveryGate {
  /** Decided on the page as read inside the delivery's transaction (the domain's `shouldDeliver`). */
  wanted(page: PageState, effect: NotifyEffect): boolean;
  /** The DM itself; throwing rolls the "sent" mark back, so the job retries. */
  send(page: PageState, effect: NotifyEffect): Promise<PostedMessage>;
}

/**
 * Pages with optimistic concurrency. A change is computed by the pure escalation from the page as
 * read, and written with `WHERE version = <read version>` together with its effects (outbox rows,
 * jobs) and its audit entry in one transaction; a lost race reads again and recomputes.
 */
export interface PageStore {
  load(id: string): Promise<PageState | undefined>;
  /** Pages not resolved, newest first. */
  listOpen(limit?: number): Promise<PageState[]>;
  /** Inserts a new page with its effects; false when a page with that id exists (a retried command). */
  create(transition: Transition, now: Date, audit: PageAudit): Promise<boolean>;
  /**
   * Load, compute, write if the version still matches, else load and compute again. `fn` sees the
   * fresh page every time; returning the same version means "nothing to write". Undefined when
   * there is no such page.
   */
  transition<T extends Transition>(id: string, now: Date, fn: (state: PageState) => T, options?: TransitionOptions<T>): Promise<TransitionOutcome<T> | undefined>;
  outboxEntry(key: string): Promise<OutboxEntry | undefined>;
  /**
   * The ack-wins gate for one notification, in one transaction: reads the page (FOR UPDATE on
   * PostgreSQL, so an ack on another replica waits), marks the entry dropped when it is no longer
   * wanted, else marks it sent, sends, and records the DM as a page message.
   */
  deliver(key: string, now: Date, gate: DeliveryGate): Promise<DeliveryOutcome>;
  messages(pageId: string): Promise<PageMessage[]>;
  addMessage(message: PageMessage, now: Date): Promise<void>;
  /** How many timeline entries have been posted to the channel thread. */
  timelinePosted(pageId: string): Promise<number>;
  /** Claims timeline entries [from, to) for posting; false when another sync already took them. */
  claimTimeline(pageId: string, from: number, to: number): Promise<boolean>;
}
