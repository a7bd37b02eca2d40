/**
 * What the rota's use cases need from the outside: the stored overrides and swaps, the handoff
 * bookkeeping, a transaction to write them in, and Slack's on-call user groups. The store
 * (store/rota-repository.ts) and the Slack adapter implement them; tests pass in-memory ones.
 */
import type { NewJob } from '../platform/jobs/jobs.ts';
import type { TransitionResult } from '../platform/outbox/commit-transition.ts';
import type { Shadow } from './domain/shadow.ts';
import type { RotaChanges } from './domain/types.ts';

export interface StoredOverride {
  id: string;
  subprojectId: string;
  person: string;
  from: Date;
  to: Date;
  createdBy: string;
  createdAt: Date;
}

export type SwapStatus = 'proposed' | 'accepted' | 'declined';

export interface StoredSwap {
  id: string;
  rotationId: string;
  status: SwapStatus;
  requester: string;
  requesterShift: Date;
  counterpart: string;
  counterpartShift: Date;
  createdAt: Date;
  decidedAt?: Date;
  decidedBy?: string;
}

export type NewOverride = Omit<StoredOverride, 'createdAt'>;
export type NewSwap = Omit<StoredSwap, 'status' | 'createdAt' | 'decidedAt' | 'decidedBy'>;

export interface AnnouncementRecord {
  subprojectId: string;
  at: Date;
  person: string | undefined;
  outcome: 'announced' | 'unchanged';
}

export type DecideResult = { kind: 'decided'; swap: StoredSwap } | { kind: 'already'; swap: StoredSwap } | { kind: 'not-found' };

/** The overrides and swaps the engine applies to one rotation. */
export interface RotaChangesSource {
  forRotation(rotationId: string, from: Date, to: Date): Promise<RotaChanges>;
}

/** The shadow shifts booked in some rotations that overlap [from, to). */
export interface ShadowSource {
  shadowsOf(rotationIds: readonly string[], from: Date, to: Date): Promise<Shadow[]>;
}

export interface RotaReads {
  getShadow(key: string): Promise<Shadow | undefined>;
  getSwap(id: string): Promise<StoredSwap | undefined>;
  announcementAt(subprojectId: string, at: Date): Promise<AnnouncementRecord | undefined>;
  /** The latest handoff recorded before `before`: who the channel was last told about. */
  lastAnnouncementBefore(subprojectId: string, before: Date): Promise<AnnouncementRecord | undefined>;
}

/** Writes inside one transaction; each is idempotent on its key. */
export interface RotaWrites {
  /** False when an override with this id exists (a retried submission). */
  insertOverride(override: NewOverride, now: Date): Promise<boolean>;
  /** False when a swap with this id exists. */
  insertSwap(swap: NewSwap, now: Date): Promise<boolean>;
  /** Decides a proposal once; a second decision gets the standing one. */
  decideSwap(id: string, decision: 'accepted' | 'declined', by: string, now: Date): Promise<DecideResult>;
  /** False when a shadow with this key exists (a retried booking keeps the first). */
  insertShadow(shadow: Shadow, now: Date): Promise<boolean>;
  /** False when that handoff was already recorded (a re-run). */
  recordAnnouncement(announcement: AnnouncementRecord, now: Date): Promise<boolean>;
}

/**
 * Runs `write` in one transaction and applies the effects it returns (jobs, audit entries) in it
 * (`platform.commit` over the rota's tables). Keep network calls out of `write`.
 */
export type RotaCommit = <T>(write: (tx: RotaWrites, now: Date) => Promise<TransitionResult<T>>) => Promise<T>;

/** The handoff job of a subproject at an instant (jobs/handoff-job.ts), for `schedule` effects. */
export type HandoffRequest = (subprojectId: string, at: Date) => NewJob;

/** `@k8s-infra-oncall-<subproject>`, kept holding the primary. */
export interface OnCallUsergroup {
  /** Makes the subproject's on-call user group hold exactly this Slack user (created on first use). */
  follow(subprojectId: string, slackId: string): Promise<void>;
}

/** Where a refused attempt is recorded (the audit log): who tried what, and why it was refused. */
export interface RotaRefusals {
  record(refusal: { actor: string; action: 'override' | 'swap.answer'; subject: string; reason: string }): Promise<void>;
}
