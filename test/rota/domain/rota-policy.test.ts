import { describe, expect, it } from 'vitest';
import { checkOverrideForm } from '../../../src/rota/domain/override-form.ts';
import { mayAnswerSwap, mayOverride } from '../../../src/rota/domain/rota-policy.ts';
import { at } from './rotation-builders.ts';

describe('who may change the rota', () => {
  const dns = { owners: ['ameukam', 'upodroid'] };
  const leads = ['thockin'];

  it('owners and leads may override; others, and people not in the config, may not', () => {
    expect(mayOverride('upodroid', dns, leads)).toBe(true);
    expect(mayOverride('thockin', dns, leads)).toBe(true);
    expect(mayOverride('jimangel', dns, leads)).toBe(false);
    expect(mayOverride(undefined, dns, leads)).toBe(false);
  });

  it('only the person a swap was proposed to may answer it', () => {
    expect(mayAnswerSwap('dims', { counterpart: 'dims' })).toBe(true);
    expect(mayAnswerSwap('ameukam', { counterpart: 'dims' })).toBe(false);
    expect(mayAnswerSwap(undefined, { counterpart: 'dims' })).toBe(false);
  });
});

describe('checkOverrideForm', () => {
  const now = at('2026-11-24T03:12:00Z');
  const form = { subprojectId: 'dns', hasRotation: true, allowed: true, person: 'ameukam', from: now, to: at('2026-11-25T00:00:00Z') };

  it('accepts a whole form', () => {
    expect(checkOverrideForm(form, { now })).toEqual({});
  });

  it('says which field is wrong, all at once', () => {
    expect(checkOverrideForm({ ...form, hasRotation: false, person: undefined, chosen: '<@U0STRANGER>' }, { now, knownPeople: ['ameukam'] })).toEqual({
      subproject: 'Choose a subproject with a rotation.',
      person: 'That person is not in the people list of the config.',
    });
    expect(checkOverrideForm({ ...form, allowed: false, person: undefined }, { now })).toEqual({
      subproject: 'Only owners of dns or the group’s leads can create overrides for it.',
      person: 'Choose who covers.',
    });
    expect(checkOverrideForm({ ...form, to: now }, { now }).to).toBe('Must be after the start.');
  });
});
