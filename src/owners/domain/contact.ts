import type { Weekday, WorkingHours } from '../../core/working-hours.ts';
import { WEEKDAYS } from '../../core/working-hours.ts';

/** How a person prefers to be reached, first to last. */
export const CONTACT_CHANNELS = ['slack', 'phone', 'email'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** What a person keeps in the private directory (encrypted at rest, as one record). */
export interface ContactDetails {
  phone?: string;
  alternateEmails: string[];
  /** Overrides the config's timezone and working hours when set. */
  timezone?: string;
  workingHours?: WorkingHours;
  order: ContactChannel[];
}

/** The modal's fields as typed. */
export interface ContactForm {
  phone: string;
  alternateEmails: string;
  timezone: string;
  days: readonly string[];
  start: string;
  end: string;
  order: string;
}

export type ContactField = 'phone' | 'alternateEmails' | 'timezone' | 'hours' | 'order';
export type ContactFormResult = { ok: true; details: ContactDetails } | { ok: false; errors: Partial<Record<ContactField, string>> };

const E164 = /^\+[1-9]\d{6,14}$/;
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Reads the contact modal. Every field is optional, but what is given must be well formed: a
 * phone in E.164 (spaces, dashes and dots people type are dropped first), e-mail addresses, an
 * IANA zone (`isZone` is the caller's check: the domain has no timezone database).
 */
export function readContactForm(form: ContactForm, isZone: (zone: string) => boolean): ContactFormResult {
  const errors: Partial<Record<ContactField, string>> = {};
  const phone = form.phone.replace(/[\s().-]/g, '');
  if (phone && !E164.test(phone)) errors.phone = 'Use E.164: a + and the country code, e.g. +14155550100.';
  const emails = form.alternateEmails.split(/[\s,;]+/).filter(Boolean);
  const bad = emails.filter((e) => !EMAIL.test(e));
  if (bad.length) errors.alternateEmails = `Not an e-mail address: ${bad.slice(0, 3).join(', ')}`;
  const timezone = form.timezone.trim();
  if (timezone && !isZone(timezone)) errors.timezone = 'Not an IANA timezone, e.g. Europe/Berlin.';
  const days = form.days.filter((d): d is Weekday => (WEEKDAYS as readonly string[]).includes(d));
  const start = form.start.trim();
  const end = form.end.trim();
  const anyHours = days.length > 0 || start !== '' || end !== '';
  if (anyHours && (days.length === 0 || !HHMM.test(start) || !HHMM.test(end))) errors.hours = 'Give working days and a start and end as HH:mm, or leave all three empty.';
  const order = parseOrder(form.order);
  if (!order) errors.order = `List some of ${CONTACT_CHANNELS.join(', ')} in the order you prefer, e.g. "slack, phone".`;
  if (Object.keys(errors).length > 0 || !order) return { ok: false, errors };
  return {
    ok: true,
    details: {
      ...(phone ? { phone } : {}),
      alternateEmails: [...new Set(emails)],
      ...(timezone ? { timezone } : {}),
      ...(anyHours ? { workingHours: { days, start, end } } : {}),
      order,
    },
  };
}

function parseOrder(text: string): ContactChannel[] | undefined {
  const words = text.toLowerCase().split(/[\s,>;]+/).filter(Boolean);
  if (words.length === 0) return ['slack', 'phone', 'email'];
  const order: ContactChannel[] = [];
  for (const w of words) {
    const channel = w === 'e-mail' || w === 'mail' ? 'email' : w;
    if (!(CONTACT_CHANNELS as readonly string[]).includes(channel)) return undefined;
    if (!order.includes(channel as ContactChannel)) order.push(channel as ContactChannel);
  }
  return order;
}

/** What a reveal names: the kinds of detail shown, never the values ("phone and 1 alternate e-mail"). */
export function detailKinds(details: ContactDetails): string {
  const kinds = [details.phone ? 'phone' : '', details.alternateEmails.length ? `alternate e-mail${details.alternateEmails.length === 1 ? '' : 's'}` : ''].filter(Boolean);
  return kinds.length ? kinds.join(' and ') : 'contact details';
}
