import ical from 'ical-generator';
import type { ShiftWhy } from '../domain/types.ts';

export interface FeedEvent {
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description: string;
}

/** " (override)", " (swap)" or nothing, after a shift's name. */
export function whyMark(why: ShiftWhy): string {
  return why === 'override' ? ' (override)' : why === 'swap' ? ' (swap)' : '';
}

/** An iCalendar feed. It holds names and rotation names only: no e-mail, no phone (feeds are shared URLs). */
export function calendarFeed(name: string, events: readonly FeedEvent[], publicUrl: string, now: Date): string {
  const cal = ical({ name, prodId: { company: 'kubernetes', product: 'k8s-infra-bot', language: 'EN' }, ttl: 3600 });
  for (const e of events) {
    cal.createEvent({ id: e.uid, start: e.start, end: e.end, summary: e.summary, description: e.description, stamp: now, url: `${publicUrl}/calendar` });
  }
  return cal.toString();
}
