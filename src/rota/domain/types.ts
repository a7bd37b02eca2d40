import type { Weekday } from '../../core/working-hours.ts';

export type ShiftUnit = 'hours' | 'days' | 'weeks';

/** When a windowed rotation is active, in the window's own zone (follow-the-sun layers). */
export interface RotationWindow {
  days: readonly Weekday[];
  /** HH:mm wall time the window opens. */
  start: string;
  /**
   * HH:mm wall time it closes. A window whose end is not after its start runs past midnight and
   * belongs to the day it starts on; `start === end` is a 24-hour window.
   */
  end: string;
  timezone: string;
}

/** The secondary is the holder of the next shift, or the primary of another rotation. */
export type SecondaryRule = 'next' | { rotation: string };

export interface Rotation {
  id: string;
  name: string;
  /** Person ids in rotation order. */
  participants: readonly string[];
  shift: { length: number; unit: ShiftUnit };
  /** Handoffs follow this wall clock, so a DST change moves them in absolute time. */
  handoff: { time: string; timezone: string };
  /**
   * The first handoff. Its local date in `handoff.timezone` anchors every later handoff at
   * `handoff.time`; the config schema checks that `start` is at that wall time.
   */
  start: Date;
  window?: RotationWindow;
  secondary?: SecondaryRule;
}

/** Person covers [from, to) of a rotation, all or part of one or more shifts. */
export interface Override {
  id?: string;
  /** When set and different from the rotation being computed, the override is ignored. */
  rotationId?: string;
  person: string;
  from: Date;
  to: Date;
}

/** One side of a swap: a person and a shift of theirs, named by the shift's start instant. */
export interface SwapSide {
  person: string;
  shiftStart: Date;
}

/** `a.person` takes `b`'s shift and `b.person` takes `a`'s. Later swaps of the same shift win. */
export interface Swap {
  id?: string;
  rotationId?: string;
  a: SwapSide;
  b: SwapSide;
}

/**
 * Overrides and swaps recorded against a rotation, each list in creation order (the store's
 * order): among overlapping overrides the later one wins.
 */
export interface RotaChanges {
  overrides?: readonly Override[];
  swaps?: readonly Swap[];
}

/** What callers may pass where changes are expected: full changes, bare overrides or nothing. */
export type ChangesInput = RotaChanges | readonly Override[] | undefined;

export type ShiftWhy = 'rotation' | 'override' | 'swap';

export interface OnCall {
  rotationId: string;
  person: string;
  why: ShiftWhy;
  /** Index of the rotation shift the instant falls in (0 = the shift starting at `start`). */
  shiftIndex: number;
}

export interface LayeredOnCall extends OnCall {
  /** Position of the rotation in the subproject's layer list. */
  layer: number;
}

/**
 * A stretch of time one person holds. `start`/`primaryEnd` tile time without overlap;
 * `end` differs from `primaryEnd` only at a fall-back handoff (see the DST rule in
 * handoff-schedule.ts), where it is the last occurrence of the handoff wall time.
 */
export interface Shift {
  rotationId: string;
  person: string;
  why: ShiftWhy;
  start: Date;
  end: Date;
  /** When whoIsOnCall stops reporting this shift: the next shift's start (or the end of coverage). */
  primaryEnd: Date;
  /** Index and start of the rotation shift this piece belongs to (what a swap names). */
  shiftIndex: number;
  shiftStart: Date;
}

export interface LayeredShift extends Shift {
  layer: number;
}

/** A change of the person on call. `from`/`to` undefined means nobody (outside windows). */
export interface Handoff {
  at: Date;
  from: string | undefined;
  to: string | undefined;
}
