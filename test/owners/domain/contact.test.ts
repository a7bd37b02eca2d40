import { describe, expect, it } from 'vitest';
import { detailKinds, readContactForm } from '../../../src/owners/domain/contact.ts';

const blank = { phone: '', alternateEmails: '', timezone: '', days: [], start: '', end: '', order: '' };
const isZone = (z: string) => ['Europe/Berlin', 'America/Los_Angeles'].includes(z);

describe('the contact form', () => {
  it.each([
    ['+14155550100', '+14155550100'],
    ['+1 (415) 555-0100', '+14155550100'],
    ['+44.20.7946.0958', '+442079460958'],
  ])('reads %s as E.164 %s', (typed, phone) => {
    const r = readContactForm({ ...blank, phone: typed }, isZone);
    expect(r.ok && r.details.phone).toBe(phone);
  });

  it.each(['4155550100', '+0155550100', '+1555', 'call me', '+1234567890123456'])('refuses %s inline', (typed) => {
    const r = readContactForm({ ...blank, phone: typed }, isZone);
    expect(r.ok ? undefined : r.errors.phone).toMatch(/E\.164/);
  });

  it('checks e-mails, timezone, hours and order, each on its field', () => {
    const r = readContactForm({ phone: '', alternateEmails: 'a@b.org, nope', timezone: 'Mars/Olympus', days: ['mon'], start: '9', end: '', order: 'pager' }, isZone);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual(['alternateEmails', 'hours', 'order', 'timezone']);
    expect(r.errors.alternateEmails).toContain('nope');
  });

  it('keeps an empty form as "nothing on file" with the default order', () => {
    const r = readContactForm(blank, isZone);
    expect(r).toEqual({ ok: true, details: { alternateEmails: [], order: ['slack', 'phone', 'email'] } });
    expect(r.ok && detailKinds(r.details)).toBe('contact details');
  });

  it('reads hours, a zone, the order, and de-duplicates e-mails', () => {
    const r = readContactForm({ phone: '+4915112345678', alternateEmails: 'x@y.de x@y.de;z@y.de', timezone: 'Europe/Berlin', days: ['mon', 'tue'], start: '08:00', end: '16:30', order: 'phone > e-mail' }, isZone);
    expect(r).toEqual({
      ok: true,
      details: { phone: '+4915112345678', alternateEmails: ['x@y.de', 'z@y.de'], timezone: 'Europe/Berlin', workingHours: { days: ['mon', 'tue'], start: '08:00', end: '16:30' }, order: ['phone', 'email'] },
    });
    expect(r.ok && detailKinds(r.details)).toBe('phone and alternate e-mails');
  });
});
