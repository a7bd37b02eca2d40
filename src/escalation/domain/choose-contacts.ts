import { isWithinWorkingHours, localTimeOf } from '../../core/working-hours.ts';
import type { Contact, EscalationDirectory, Severity } from './directory.ts';
import type { EscalationStep } from './policy-schema.ts';
import { resolveTargets } from './resolve-targets.ts';

export interface ChooseContactsInput {
  step: EscalationStep;
  /** 1-based, as people read it on the timeline. */
  stepNumber: number;
  subprojectId: string;
  severity: Severity;
  now: Date;
  directory: EscalationDirectory;
  /** People already notified earlier in this pass of the same page → the step number that did it. */
  alreadyNotified?: ReadonlyMap<string, number>;
}

interface DecisionBase {
  contact: Contact;
  /** The target that named them: "primary", "owners", "person thockin"... */
  via: string;
  /** Timeline text, e.g. "skipped @bob: 03:12 in Asia/Kolkata, severity warning". */
  reason: string;
}
export interface NotifyDecision extends DecisionBase {
  action: 'notify';
  withinWorkingHours: boolean;
  localTime: string;
}
export interface SkipDecision extends DecisionBase {
  action: 'skip';
  withinWorkingHours: false;
  localTime: string;
}
export interface AlreadyNotifiedDecision extends DecisionBase {
  action: 'already-notified';
  notifiedAtStep: number;
}
export type ContactDecision = NotifyDecision | SkipDecision | AlreadyNotifiedDecision;

export interface ContactChoice {
  /** Who to notify, people inside their working hours first. Empty only when the step named nobody new. */
  notify: NotifyDecision[];
  /** Every decision in timeline order: notified, skipped, not re-notified. */
  decisions: ContactDecision[];
  /** Targets that resolved to nobody (empty rotation, unknown id). */
  notes: string[];
}

function localClock(contact: Contact, now: Date): string {
  const local = localTimeOf(now, contact.timezone);
  // The weekday only matters to a reader when it is why the person is off.
  const day = contact.workingHours.days.includes(local.weekday) ? '' : `${local.weekday[0]!.toUpperCase()}${local.weekday.slice(1)} `;
  return `${day}${local.clock} in ${contact.timezone}`;
}

/** Someone this step may notify, with their local time (for the reason and the decision). */
type Candidate = { contact: Contact; via: string; clock: string };

const notifyOf = ({ contact, via, clock }: Candidate, withinWorkingHours: boolean, reason: string): NotifyDecision => ({ action: 'notify', contact, via, withinWorkingHours, localTime: clock, reason });
const skipOf = ({ contact, via, clock }: Candidate, reason: string): SkipDecision => ({ action: 'skip', contact, via, withinWorkingHours: false, localTime: clock, reason });
const alreadyOf = (contact: Contact, via: string, earlier: number): AlreadyNotifiedDecision => ({
  action: 'already-notified',
  contact,
  via,
  notifiedAtStep: earlier,
  reason: `not re-notified @${contact.id}: already notified at step ${earlier} of this pass`,
});

/**
 * Decides who a step notifies. People inside their working hours go first. People outside them
 * are woken only for `critical` pages, or when none of the people this step would newly notify
 * is inside their hours: a step never notifies nobody just because of the clock.
 *
 * Deduplication: within one pass a person is notified at most once, so someone reached at step 1
 * is not notified again at step 2 (they are listed as "not re-notified"). A repeat pass starts with
 * an empty `alreadyNotified`, so everyone is notified again then; that is what `repeat` is for.
 * The "nobody within working hours" fallback looks only at the people this step would newly
 * notify: an owner already paged at step 1 who is awake did not answer, so step 2 must reach
 * someone else rather than stay silent because of them.
 */
export function chooseContacts(input: ChooseContactsInput): ContactChoice {
  const { step, stepNumber, subprojectId, severity, now, directory } = input;
  const already = input.alreadyNotified ?? new Map<string, number>();
  const { people, notes } = resolveTargets(step.targets, subprojectId, now, directory);

  const alreadyNotified: AlreadyNotifiedDecision[] = [];
  const inside: Candidate[] = [];
  const outside: Candidate[] = [];
  const shadows = people.filter((p) => p.shadowOf !== undefined);
  for (const { contact, via } of people.filter((p) => p.shadowOf === undefined)) {
    const earlier = already.get(contact.id);
    if (earlier !== undefined) {
      alreadyNotified.push(alreadyOf(contact, via, earlier));
      continue;
    }
    const entry = { contact, via, clock: localClock(contact, now) };
    if (isWithinWorkingHours(contact.workingHours, contact.timezone, now)) inside.push(entry);
    else outside.push(entry);
  }

  const notify: NotifyDecision[] = inside.map((c) => notifyOf(c, true, `notified @${c.contact.id}: ${c.clock}, working hours`));
  const skipped: SkipDecision[] = [];
  for (const c of outside) {
    if (severity === 'critical') notify.push(notifyOf(c, false, `notified @${c.contact.id} outside working hours: ${c.clock}, severity critical`));
    else if (inside.length === 0) notify.push(notifyOf(c, false, `notified @${c.contact.id} outside working hours: nobody at step ${stepNumber} is within working hours (${c.clock})`));
    else skipped.push(skipOf(c, `skipped @${c.contact.id}: ${c.clock}, severity ${severity}`));
  }
  // Shadows follow the primary they shadow: notified with them (inside their own working hours,
  // or for a critical page), never when the primary is not, and never counted above, so a shadow
  // awake while the primary sleeps neither stands in for the primary nor keeps them from being woken.
  for (const { contact, via, shadowOf } of shadows) {
    const earlier = already.get(contact.id);
    if (earlier !== undefined) {
      alreadyNotified.push(alreadyOf(contact, via, earlier));
      continue;
    }
    const c = { contact, via, clock: localClock(contact, now) };
    const withPrimary = notify.some((n) => n.contact.id === shadowOf);
    const awake = isWithinWorkingHours(contact.workingHours, contact.timezone, now);
    if (withPrimary && (awake || severity === 'critical')) notify.push(notifyOf(c, awake, `notified @${contact.id}, shadowing @${shadowOf}: ${c.clock}, ${awake ? 'working hours' : 'severity critical'}`));
    else skipped.push(skipOf(c, withPrimary ? `skipped shadow @${contact.id}: ${c.clock}, severity ${severity}` : `skipped shadow @${contact.id}: @${shadowOf} is not notified at step ${stepNumber}`));
  }
  return { notify, decisions: [...notify, ...skipped, ...alreadyNotified], notes };
}
