import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/sandbox/slack-workspace.ts';
import { applyValues, carryOverState, clientSideErrors, elementState, initialState } from '../../src/sandbox/view-state.ts';

const opt = (value: string, text = value.toUpperCase()) => ({ text: { type: 'plain_text', text }, value });
const input = (block_id: string, element: Record<string, unknown>, extra: Record<string, unknown> = {}): Block =>
  ({ type: 'input', block_id, label: { type: 'plain_text', text: block_id }, element, ...extra });

describe('element state in Slack\'s shape', () => {
  it('covers every value-holding element type', () => {
    expect(elementState({ type: 'multi_static_select', options: [opt('a'), opt('b')] }, ['b'])).toEqual({ type: 'multi_static_select', selected_options: [opt('b')] });
    expect(elementState({ type: 'radio_buttons', options: [opt('low')] }, 'low')).toEqual({ type: 'radio_buttons', selected_option: opt('low') });
    expect(elementState({ type: 'static_select', option_groups: [{ label: {}, options: [opt('g')] }] }, 'g')).toEqual({ type: 'static_select', selected_option: opt('g') });
    expect(elementState({ type: 'static_select', options: [opt('a')] }, null)).toEqual({ type: 'static_select', selected_option: null });
    expect(elementState({ type: 'multi_users_select' }, ['U1', 'U2'])).toEqual({ type: 'multi_users_select', selected_users: ['U1', 'U2'] });
    expect(elementState({ type: 'conversations_select' }, 'C1')).toEqual({ type: 'conversations_select', selected_conversation: 'C1' });
    expect(elementState({ type: 'channels_select' }, 'C1')).toEqual({ type: 'channels_select', selected_channel: 'C1' });
    expect(elementState({ type: 'number_input', is_decimal_allowed: false }, '3')).toEqual({ type: 'number_input', value: '3' });
    expect(elementState({ type: 'timepicker', timezone: 'Europe/Berlin' }, '09:30')).toEqual({ type: 'timepicker', selected_time: '09:30', timezone: 'Europe/Berlin' });
    expect(elementState({ type: 'datetimepicker' }, '1772442000')).toEqual({ type: 'datetimepicker', selected_date_time: 1772442000 });
    expect(elementState({ type: 'plain_text_input' }, '')).toEqual({ type: 'plain_text_input', value: null });
  });

  it('refuses values no person could enter', () => {
    expect(() => elementState({ type: 'static_select', action_id: 's', options: [opt('a')] }, 'zzz')).toThrow(/no option/);
    expect(() => elementState({ type: 'datepicker' }, '01/04/2026')).toThrow(/YYYY-MM-DD/);
    expect(() => elementState({ type: 'timepicker' }, '9am')).toThrow(/HH:mm/);
    expect(() => elementState({ type: 'button' }, 'x')).toThrow(/holds no value/);
    expect(() => applyValues({}, [input('a', { type: 'plain_text_input', action_id: 't' })], { a: { nope: 'x' } }, () => undefined)).toThrow(/no element a\/nope/);
  });
});

describe('view state over time', () => {
  const blocks: Block[] = [
    input('why', { type: 'plain_text_input', action_id: 't', initial_value: 'because' }),
    input('sev', { type: 'static_select', action_id: 's', options: [opt('1'), opt('2')], initial_option: opt('2') }),
    input('who', { type: 'multi_users_select', action_id: 'u' }, { optional: true }),
    { type: 'actions', block_id: 'act', elements: [{ type: 'datepicker', action_id: 'd' }, { type: 'button', action_id: 'b', text: { type: 'plain_text', text: 'B' } }] },
  ];

  it('starts from initial values; every input is present, untouched action elements are not', () => {
    expect(initialState(blocks)).toEqual({
      why: { t: { type: 'plain_text_input', value: 'because' } },
      sev: { s: { type: 'static_select', selected_option: opt('2') } },
      who: { u: { type: 'multi_users_select', selected_users: [] } },
    });
  });

  it('keeps what the person entered across views.update when block_id and action_id stay', () => {
    const state = initialState(blocks);
    applyValues(state, blocks, { why: { t: 'typed by hand' } }, () => undefined);
    const next = carryOverState(state, [input('why', { type: 'plain_text_input', action_id: 't' }), input('new', { type: 'plain_text_input', action_id: 'n' })]);
    expect(next).toEqual({ why: { t: { type: 'plain_text_input', value: 'typed by hand' } }, new: { n: { type: 'plain_text_input', value: null } } });
  });

  it('applies the Slack client\'s own checks before anything is sent', () => {
    const checked: Block[] = [
      input('name', { type: 'plain_text_input', action_id: 't', min_length: 3, max_length: 5 }),
      input('n', { type: 'number_input', action_id: 'n', is_decimal_allowed: false, min_value: '1', max_value: '10' }),
      input('mail', { type: 'email_text_input', action_id: 'e' }),
      input('opt', { type: 'plain_text_input', action_id: 'o' }, { optional: true }),
    ];
    const state = initialState(checked);
    expect(clientSideErrors(checked, state)).toEqual({
      name: 'Please complete this required field.', n: 'Please complete this required field.', mail: 'Please complete this required field.',
    });
    applyValues(state, checked, { name: { t: 'ab' }, n: { n: '2.5' }, mail: { e: 'not-an-address' } }, () => undefined);
    expect(clientSideErrors(checked, state)).toEqual({ name: 'Must be at least 3 characters.', n: 'Enter a number.', mail: 'Enter a valid e-mail address.' });
    applyValues(state, checked, { name: { t: 'abcdef' }, n: { n: '11' }, mail: { e: 'a@k8s.io' } }, () => undefined);
    expect(clientSideErrors(checked, state)).toEqual({ name: 'Must be at most 5 characters.', n: 'Number out of range.' });
    applyValues(state, checked, { name: { t: 'abcd' }, n: { n: '7' } }, () => undefined);
    expect(clientSideErrors(checked, state)).toEqual({});
  });
});
