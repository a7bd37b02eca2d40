import type { PreparedLayers } from './layers.ts';
import { onCallAt } from './on-call-at.ts';
import { DAY } from './zone-offsets.ts';

/** Job ids carry the instant, so every replica (or a restarted one) scheduling a handoff makes one row. */
export function handoffJobId(subprojectId: string, at: Date): string {
  return `handoff:${subprojectId}:${at.toISOString()}`;
}

/** How far the next handoff is looked for; past it a re-check is scheduled instead. */
export const HANDOFF_LOOKAHEAD_MS = 60 * DAY;
export const HANDOFF_RECHECK_MS = 30 * DAY;

export interface HandoffDecision {
  /** Post the announcement and DM the incoming person. */
  announce: boolean;
  /** Primary from `at` (undefined: nobody). */
  person: string | undefined;
  /** When the next handoff is, and to whom; undefined when none within the look-ahead. */
  until: Date | undefined;
  next: string | undefined;
  /** When the next handoff job is due. */
  nextCheckAt: Date;
}

/**
 * What a handoff job does at `at`. The job re-reads who is on call when it fires (overrides and
 * swaps made since it was scheduled included), so a row left for an instant that is no longer a
 * handoff announces nothing: it announces only when the primary differs from the last one recorded
 * (`previous` undefined: nothing recorded yet, so announce; null: nobody was on call).
 */
export function decideHandoff(layers: PreparedLayers, at: Date, previous: string | null | undefined): HandoffDecision {
  const person = onCallAt(layers, at).primary;
  const handoff = layers.nextHandoff(at, HANDOFF_LOOKAHEAD_MS);
  const announce = person !== undefined && (previous === undefined || previous !== person);
  return {
    announce,
    person,
    until: handoff?.at,
    next: handoff?.to,
    nextCheckAt: handoff?.at ?? new Date(at.getTime() + HANDOFF_RECHECK_MS),
  };
}
