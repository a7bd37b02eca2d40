import type { WorkingHours } from '../../core/working-hours.ts';

export const SEVERITIES = ['critical', 'error', 'warning', 'info'] as const;
/** Same words as PagerDuty Events v2 `payload.severity`. */
export type Severity = (typeof SEVERITIES)[number];

/** The severity a person typed or picked, if it is one. */
export function parseSeverity(value: string): Severity | undefined {
  return SEVERITIES.find((s) => s === value);
}

/** What the escalation core needs to know about a person to decide whether to wake them. */
export interface Contact {
  id: string;
  slackId: string;
  /** IANA zone, e.g. Europe/Berlin. */
  timezone: string;
  workingHours: WorkingHours;
}

/**
 * Who is on call right now. The runner implements it over the rota engine; the escalation core
 * never imports src/rota so the two can change independently.
 */
export interface OnCallLookup {
  primary(subprojectId: string, now: Date): string | undefined;
  secondary(subprojectId: string, now: Date): string | undefined;
  /**
   * New owners shadowing the subproject's rotation now: notified with the primary, never in
   * their place (absent: nobody shadows).
   */
  shadows?(subprojectId: string, now: Date): readonly string[];
}

/** Everything needed to turn a step's targets into people, built by the runner for one page. */
export interface EscalationDirectory {
  onCall: OnCallLookup;
  /** Owners (person ids) of the page's subproject. */
  owners: readonly string[];
  /** The group's leads (person ids). */
  leads: readonly string[];
  /** Everyone a target may name; ids not found here are reported, never notified. */
  people: readonly Contact[];
}
