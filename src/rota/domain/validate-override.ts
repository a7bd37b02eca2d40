import { DAY } from './zone-offsets.ts';

export const DEFAULT_MAX_OVERRIDE_MS = 14 * DAY;
/** A modal's time picker works in minutes; a start a few minutes ago is "now", not the past. */
const DEFAULT_PAST_GRACE_MS = 15 * 60_000;

export type OverrideField = 'person' | 'from' | 'to';
/** Keyed like a modal's inputs, so Slack's `response_action: errors` can show them inline. */
export type OverrideErrors = Partial<Record<OverrideField, string>>;

export interface OverrideRequest {
  person?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

export interface OverrideRules {
  now: Date;
  maxDurationMs?: number;
  pastGraceMs?: number;
  /** When given, the person must be one of these ids. */
  knownPeople?: Iterable<string>;
}

export function validateOverrideRequest(request: OverrideRequest, rules: OverrideRules): OverrideErrors {
  const errors: OverrideErrors = {};
  const max = rules.maxDurationMs ?? DEFAULT_MAX_OVERRIDE_MS;
  const grace = rules.pastGraceMs ?? DEFAULT_PAST_GRACE_MS;
  const now = rules.now.getTime();

  if (!request.person) errors.person = 'Choose who covers.';
  else if (rules.knownPeople && !new Set(rules.knownPeople).has(request.person)) errors.person = `"${request.person}" is not in the people list.`;

  const from = validTime(request.from);
  const to = validTime(request.to);
  if (from === undefined) errors.from = 'Choose when the override starts.';
  if (to === undefined) errors.to = 'Choose when the override ends.';
  if (from !== undefined && from < now - grace) errors.from = 'Starts in the past; overrides cannot change history.';
  if (from !== undefined && to !== undefined) {
    if (to <= from) errors.to = 'Must be after the start.';
    else if (to - from > max) errors.to = `Longer than ${formatDuration(max)}, the most one override may last.`;
  }
  return errors;
}

export function hasErrors(errors: Readonly<Record<string, string | undefined>>): boolean {
  return Object.values(errors).some((message) => message !== undefined);
}

function validTime(d: Date | undefined): number | undefined {
  const t = d?.getTime();
  return t === undefined || Number.isNaN(t) ? undefined : t;
}

export function formatDuration(ms: number): string {
  if (ms % DAY === 0) return `${ms / DAY} day${ms === DAY ? '' : 's'}`;
  const hours = Math.round(ms / 3_600_000);
  return `${hours} hour${hours === 1 ? '' : 's'}`;
}
