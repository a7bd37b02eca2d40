import { DateTime } from 'luxon';

/**
 * Days on which no lazy consensus is counted: the year-end holidays, KubeCon weeks. `from` and
 * `to` are inclusive, as `MM-DD` (every year; `12-20`..`01-03` spans the new year) or
 * `YYYY-MM-DD` (once). A date is read in each owner's own timezone.
 */
export interface QuietPeriod {
  name: string;
  from: string;
  to: string;
}

/** A calendar date, as an owner sees it in their zone. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const MONTH_DAY = /^(\d{2})-(\d{2})$/;
const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidDay(text: string): boolean {
  const md = MONTH_DAY.exec(text);
  if (md) return DateTime.fromObject({ year: 2024, month: Number(md[1]), day: Number(md[2]) }).isValid;
  const full = FULL_DATE.exec(text);
  return !!full && DateTime.fromObject({ year: Number(full[1]), month: Number(full[2]), day: Number(full[3]) }).isValid;
}

/** Why a period cannot be used (both ends must have the same form; a one-off one must not end before it starts). */
export function quietPeriodShape(p: { from: string; to: string }): string | undefined {
  const recurring = MONTH_DAY.test(p.from);
  if (recurring !== MONTH_DAY.test(p.to)) return 'from and to must both be MM-DD (every year) or both YYYY-MM-DD (once)';
  if (!recurring && p.to < p.from) return `ends (${p.to}) before it starts (${p.from})`;
  return undefined;
}

const key = (d: LocalDate) => d.year * 10_000 + d.month * 100 + d.day;
const monthDay = (d: LocalDate) => d.month * 100 + d.day;

function parseMonthDay(text: string): number {
  const [m, d] = text.split('-').map(Number);
  return (m ?? 0) * 100 + (d ?? 0);
}

function parseFull(text: string): LocalDate {
  const [year, month, day] = text.split('-').map(Number);
  return { year: year ?? 0, month: month ?? 0, day: day ?? 0 };
}

/** The concrete span of a period around `date` (for "20 Dec 2026 – 3 Jan 2027"). */
export interface QuietSpan {
  name: string;
  from: LocalDate;
  to: LocalDate;
}

/** The quiet period `date` falls in, with its concrete span, or undefined. */
export function quietSpanOn(date: LocalDate, periods: readonly QuietPeriod[]): QuietSpan | undefined {
  for (const p of periods) {
    if (FULL_DATE.test(p.from)) {
      const from = parseFull(p.from);
      const to = parseFull(p.to);
      if (key(date) >= key(from) && key(date) <= key(to)) return { name: p.name, from, to };
      continue;
    }
    const from = parseMonthDay(p.from);
    const to = parseMonthDay(p.to);
    const md = monthDay(date);
    const split = (n: number) => ({ month: Math.floor(n / 100), day: n % 100 });
    if (from <= to) {
      if (md >= from && md <= to) return { name: p.name, from: { year: date.year, ...split(from) }, to: { year: date.year, ...split(to) } };
    } else if (md >= from) {
      return { name: p.name, from: { year: date.year, ...split(from) }, to: { year: date.year + 1, ...split(to) } };
    } else if (md <= to) {
      return { name: p.name, from: { year: date.year - 1, ...split(from) }, to: { year: date.year, ...split(to) } };
    }
  }
  return undefined;
}
