/**
 * Shadow shifts: a new owner learns the rotation by being notified with the primary for a while
 * before they take shifts themselves. A shadow is never primary, never secondary, and never the
 * one a page reaches alone. Periods are instants, half-open [from, until): a shadow booked for
 * 14 days lasts 14 × 24 hours whatever clocks do meanwhile (a DST change neither shortens nor
 * lengthens it), and at `until` itself it is over.
 */

export const DAY_MS = 86_400_000;
/** Slack and the job keys allow 255 characters: a booking key is stored as its id. */
export const MAX_SHADOW_KEY_LENGTH = 255;
export const MAX_SHADOW_DAYS = 90;

export interface Shadow {
  /** The booking's idempotency key: booking the same key twice keeps the first. */
  key: string;
  rotationId: string;
  personId: string;
  from: Date;
  until: Date;
  /** Why it was booked, as people read it ("new owner of storage, kubernetes/k8s.io#1234"). */
  reason: string;
}

export interface Span {
  from: Date;
  until: Date;
}

/** The shadow period starting at `start`: `days` whole days of 24 hours. */
export function shadowPeriod(start: Date, days: number): Span {
  return { from: new Date(start.getTime()), until: new Date(start.getTime() + days * DAY_MS) };
}

/** Whether a shadow runs at an instant (from inclusive, until exclusive). */
export function shadowActiveAt(s: Span, at: Date | number): boolean {
  const t = typeof at === 'number' ? at : at.getTime();
  return s.from.getTime() <= t && t < s.until.getTime();
}

/** Whether two half-open spans share an instant (touching ends do not overlap). */
export function spansOverlap(a: Span, b: Span): boolean {
  return a.from.getTime() < b.until.getTime() && b.from.getTime() < a.until.getTime();
}

/** Why a booking is refused, or undefined. */
export function shadowProblem(s: Shadow, knownRotation: boolean): string | undefined {
  if (s.key.length === 0 || s.key.length > MAX_SHADOW_KEY_LENGTH) return `a shadow booking needs a key of 1..${MAX_SHADOW_KEY_LENGTH} characters`;
  if (!knownRotation) return `unknown rotation '${s.rotationId}'`;
  if (s.personId.length === 0) return 'a shadow needs a person';
  if (Number.isNaN(s.from.getTime()) || Number.isNaN(s.until.getTime())) return 'a shadow needs a start and an end';
  if (s.until.getTime() <= s.from.getTime()) return 'a shadow must end after it starts';
  if (s.until.getTime() - s.from.getTime() > MAX_SHADOW_DAYS * DAY_MS) return `a shadow lasts at most ${MAX_SHADOW_DAYS} days`;
  return undefined;
}

export interface ActiveShadow {
  personId: string;
  /** The latest end among their shadows running now (overlapping bookings merge). */
  until: Date;
  rotationIds: string[];
}

/**
 * Who shadows at an instant among `shadows` of the given rotations: one entry per person, the
 * latest end of their running bookings, ordered by when their shadow began, then by id. People in
 * `exclude` (whoever is primary or secondary right now) are left out: someone on call is not
 * also their own shadow.
 */
export function shadowsAt(shadows: readonly Shadow[], rotationIds: readonly string[], at: Date, exclude: readonly (string | undefined)[] = []): ActiveShadow[] {
  const wanted = new Set(rotationIds);
  const skip = new Set(exclude.filter((x): x is string => x !== undefined));
  const byPerson = new Map<string, ActiveShadow & { since: number }>();
  for (const s of shadows) {
    if (!wanted.has(s.rotationId) || skip.has(s.personId) || !shadowActiveAt(s, at)) continue;
    const seen = byPerson.get(s.personId);
    if (!seen) {
      byPerson.set(s.personId, { personId: s.personId, until: s.until, rotationIds: [s.rotationId], since: s.from.getTime() });
      continue;
    }
    if (s.until.getTime() > seen.until.getTime()) seen.until = s.until;
    if (!seen.rotationIds.includes(s.rotationId)) seen.rotationIds.push(s.rotationId);
    seen.since = Math.min(seen.since, s.from.getTime());
  }
  return [...byPerson.values()]
    .sort((a, b) => a.since - b.since || a.personId.localeCompare(b.personId))
    .map(({ since: _since, ...rest }) => ({ ...rest, rotationIds: [...rest.rotationIds].sort() }));
}
