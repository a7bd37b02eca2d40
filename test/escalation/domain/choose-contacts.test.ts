import { describe, expect, it } from 'vitest';
import { chooseContacts } from '../../../src/escalation/domain/choose-contacts.ts';
import type { EscalationStep } from '../../../src/escalation/domain/policy-schema.ts';
import { REFERENCE, directory } from './directory-fixture.ts';

const step = (targets: EscalationStep['targets']): EscalationStep => ({ targets, delayMinutes: 10 });
const base = { stepNumber: 2, subprojectId: 'registry', now: REFERENCE } as const;

describe('chooseContacts at 2026-11-24T03:12Z', () => {
  it('notifies people inside working hours and skips the others for a warning', () => {
    const choice = chooseContacts({
      ...base,
      step: step(['primary', 'owners']),
      severity: 'warning',
      directory: directory({ primary: 'lucy', owners: ['bernd', 'priya'] }),
    });
    expect(choice.notify.map((d) => d.contact.id)).toEqual(['priya']);
    expect(choice.decisions.map((d) => d.reason)).toEqual([
      'notified @priya: 08:42 in Asia/Kolkata, working hours',
      'skipped @lucy: 19:12 in America/Los_Angeles, severity warning',
      'skipped @bernd: 04:12 in Europe/Berlin, severity warning',
    ]);
    expect(choice.notify[0]).toMatchObject({ via: 'owners', withinWorkingHours: true, localTime: '08:42 in Asia/Kolkata' });
  });

  it('wakes everyone for a critical page, people inside their hours first', () => {
    const choice = chooseContacts({
      ...base,
      step: step(['primary', 'owners']),
      severity: 'critical',
      directory: directory({ primary: 'lucy', owners: ['bernd', 'priya'] }),
    });
    expect(choice.notify.map((d) => d.contact.id)).toEqual(['priya', 'lucy', 'bernd']);
    expect(choice.notify[1]!.reason).toBe('notified @lucy outside working hours: 19:12 in America/Los_Angeles, severity critical');
    expect(choice.notify[2]).toMatchObject({ withinWorkingHours: false, localTime: '04:12 in Europe/Berlin' });
  });

  it('never notifies nobody: when nobody at the step is inside working hours, everyone is notified', () => {
    for (const severity of ['warning', 'info', 'error'] as const) {
      const choice = chooseContacts({ ...base, step: step(['owners']), severity, directory: directory({ owners: ['lucy', 'bernd'] }) });
      expect(choice.notify.map((d) => d.reason)).toEqual([
        'notified @lucy outside working hours: nobody at step 2 is within working hours (19:12 in America/Los_Angeles)',
        'notified @bernd outside working hours: nobody at step 2 is within working hours (04:12 in Europe/Berlin)',
      ]);
    }
  });

  it('does not re-notify someone from an earlier step of the pass, and looks past them for the fallback', () => {
    // priya is awake but already had her chance at step 1; step 2 must reach someone new.
    const choice = chooseContacts({
      ...base,
      step: step(['primary', 'owners']),
      severity: 'warning',
      directory: directory({ primary: 'priya', owners: ['priya', 'lucy'] }),
      alreadyNotified: new Map([['priya', 1]]),
    });
    expect(choice.notify.map((d) => d.contact.id)).toEqual(['lucy']);
    expect(choice.decisions.map((d) => d.reason)).toEqual([
      'notified @lucy outside working hours: nobody at step 2 is within working hours (19:12 in America/Los_Angeles)',
      'not re-notified @priya: already notified at step 1 of this pass',
    ]);
  });

  it('notifies a person named by two targets once, under the first', () => {
    const choice = chooseContacts({
      ...base,
      step: step(['primary', 'owners', { person: 'priya' }]),
      severity: 'warning',
      directory: directory({ primary: 'priya', owners: ['priya', 'sam'] }),
    });
    expect(choice.notify.map((d) => [d.contact.id, d.via])).toEqual([
      ['priya', 'primary'],
      ['sam', 'owners'],
    ]);
  });

  it('resolves leads and named people; reports empty rotations and unknown ids instead of failing', () => {
    const dir = directory({ leads: ['sam', 'nina'] });
    const choice = chooseContacts({
      ...base,
      step: step(['secondary', 'leads', { person: 'thockin' }, { person: 'ghost' }]),
      severity: 'warning',
      directory: dir,
    });
    expect(choice.notify.map((d) => d.contact.id)).toEqual(['sam']);
    expect(choice.decisions.filter((d) => d.action === 'skip').map((d) => d.contact.id)).toEqual(['nina', 'thockin']);
    expect(choice.notes).toEqual(['nobody on call as secondary for registry', "person ghost: unknown person 'ghost' (not in people), not notified"]);
    expect(dir.calls).toEqual([{ role: 'secondary', subprojectId: 'registry', now: REFERENCE.toISOString() }]);
  });

  it('returns nobody for a step whose rotation is empty', () => {
    const choice = chooseContacts({ ...base, step: step(['primary']), severity: 'critical', directory: directory() });
    expect(choice.notify).toEqual([]);
    expect(choice.decisions).toEqual([]);
    expect(choice.notes).toEqual(['nobody on call as primary for registry']);
  });

  it('names the weekday when it is why someone is off', () => {
    // Saturday 2026-11-28 10:04 in Berlin: right hour, wrong day.
    const saturday = new Date('2026-11-28T09:04:00Z');
    const choice = chooseContacts({
      ...base,
      now: saturday,
      step: step(['owners']),
      severity: 'warning',
      directory: directory({ owners: ['bernd', 'sam'] }),
    });
    // sam: Sydney Sat 20:04, also off → fallback notifies both.
    expect(choice.notify.map((d) => d.localTime)).toEqual(['Sat 10:04 in Europe/Berlin', 'Sat 20:04 in Australia/Sydney']);
  });

  it('notifies someone at 10:04 in Berlin on a weekday as within working hours', () => {
    const choice = chooseContacts({
      ...base,
      now: new Date('2026-11-24T09:04:00Z'),
      step: step(['owners']),
      severity: 'info',
      directory: directory({ owners: ['bernd', 'priya', 'lucy'] }),
    });
    expect(choice.decisions.map((d) => d.reason)).toEqual([
      'notified @bernd: 10:04 in Europe/Berlin, working hours',
      'notified @priya: 14:34 in Asia/Kolkata, working hours',
      'skipped @lucy: 01:04 in America/Los_Angeles, severity info',
    ]);
  });

  describe('shadows (new owners learning the rotation)', () => {
    it('are notified with the primary, right after them, and named as shadows on the timeline', () => {
      // priya primary (08:42, working hours), sam shadowing (14:12 in Sydney, working hours).
      const choice = chooseContacts({ ...base, stepNumber: 1, step: step(['primary']), severity: 'warning', directory: directory({ primary: 'priya', shadows: ['sam'] }) });
      expect(choice.notify.map((d) => [d.contact.id, d.via])).toEqual([
        ['priya', 'primary'],
        ['sam', 'shadow of primary'],
      ]);
      expect(choice.notify[1]!.reason).toBe('notified @sam, shadowing @priya: 14:12 in Australia/Sydney, working hours');
    });

    it('are never paged alone: with nobody on call, or a primary skipped for the hour, the shadow is not notified', () => {
      const nobody = chooseContacts({ ...base, stepNumber: 1, step: step(['primary']), severity: 'critical', directory: directory({ shadows: ['sam'] }) });
      expect(nobody.notify).toEqual([]);
      expect(nobody.notes).toEqual(['nobody on call as primary for registry']);
      // lucy (19:12) is primary, priya an owner awake: lucy is skipped for a warning, so is sam.
      const skipped = chooseContacts({ ...base, stepNumber: 1, step: step(['primary', 'owners']), severity: 'warning', directory: directory({ primary: 'lucy', owners: ['priya'], shadows: ['sam'] }) });
      expect(skipped.notify.map((d) => d.contact.id)).toEqual(['priya']);
      expect(skipped.decisions.map((d) => d.reason)).toContain('skipped shadow @sam: @lucy is not notified at step 1');
    });

    it('do not count for "somebody awake": an asleep primary with an awake shadow is still woken, with the shadow', () => {
      const choice = chooseContacts({ ...base, stepNumber: 1, step: step(['primary']), severity: 'warning', directory: directory({ primary: 'lucy', shadows: ['sam'] }) });
      expect(choice.notify.map((d) => d.contact.id)).toEqual(['lucy', 'sam']);
      expect(choice.notify[0]!.reason).toContain('nobody at step 1 is within working hours');
    });

    it('keep their own working hours unless the page is critical, and are not re-notified in the same pass', () => {
      const asleep = chooseContacts({ ...base, stepNumber: 1, step: step(['primary']), severity: 'warning', directory: directory({ primary: 'priya', shadows: ['bernd'] }) });
      expect(asleep.notify.map((d) => d.contact.id)).toEqual(['priya']);
      expect(asleep.decisions.map((d) => d.reason)).toContain('skipped shadow @bernd: 04:12 in Europe/Berlin, severity warning');
      const critical = chooseContacts({ ...base, stepNumber: 1, step: step(['primary']), severity: 'critical', directory: directory({ primary: 'priya', shadows: ['bernd'] }) });
      expect(critical.notify.map((d) => [d.contact.id, d.withinWorkingHours])).toEqual([
        ['priya', true],
        ['bernd', false],
      ]);
      const again = chooseContacts({ ...base, step: step(['primary']), severity: 'critical', directory: directory({ primary: 'priya', shadows: ['bernd'] }), alreadyNotified: new Map([['priya', 1], ['bernd', 1]]) });
      expect(again.notify).toEqual([]);
      expect(again.decisions.map((d) => d.action)).toEqual(['already-notified', 'already-notified']);
    });

    it('named by another target first (an owner) are that, not a shadow', () => {
      const choice = chooseContacts({ ...base, stepNumber: 1, step: step(['owners', 'primary']), severity: 'warning', directory: directory({ primary: 'priya', owners: ['sam'], shadows: ['sam'] }) });
      expect(choice.notify.map((d) => [d.contact.id, d.via])).toEqual([
        ['sam', 'owners'],
        ['priya', 'primary'],
      ]);
    });
  });
});
