import { isObject, type Block, type Json } from './slack-workspace.ts';

/**
 * What a person enters into an element, in the simplest form: text, an option value, a user id,
 * `YYYY-MM-DD`, `HH:mm`, or a list of those for checkboxes and multi-selects.
 * The emulator turns it into Slack's exact state shape for the element's type.
 */
export type InputValue = string | string[] | null;
export type StateValues = Record<string, Record<string, Json>>;

export interface FoundElement {
  block: Block;
  element: Json;
  /** Inside an input block (its value travels in state, not as an action, unless dispatch_action). */
  inInput: boolean;
}

function elementsOf(block: Block): Json[] {
  if (block.type === 'section' && isObject(block.accessory)) return [block.accessory];
  if (block.type === 'actions' && Array.isArray(block.elements)) return block.elements.filter(isObject);
  if (block.type === 'input' && isObject(block.element)) return [block.element];
  return [];
}

export function findElement(blocks: readonly Block[], actionId: string, blockId?: string): FoundElement | undefined {
  for (const block of blocks) {
    if (blockId !== undefined && block.block_id !== blockId) continue;
    for (const element of elementsOf(block)) {
      if (element.action_id === actionId) return { block, element, inInput: block.type === 'input' };
    }
  }
  return undefined;
}

function optionsOf(element: Json): Json[] {
  const direct = Array.isArray(element.options) ? element.options.filter(isObject) : [];
  const grouped = Array.isArray(element.option_groups)
    ? element.option_groups.filter(isObject).flatMap((g) => (Array.isArray(g.options) ? g.options.filter(isObject) : []))
    : [];
  return [...direct, ...grouped];
}

function pickOption(element: Json, value: string, suggested: readonly Json[] | undefined): Json {
  const external = element.type === 'external_select' || element.type === 'multi_external_select';
  const pool = external ? (suggested ?? []) : optionsOf(element);
  const found = pool.find((o) => o.value === value);
  if (found) return structuredClone(found);
  if (external) return { text: { type: 'plain_text', text: value, emoji: true }, value };
  throw new Error(`element ${String(element.action_id)} has no option with value ${JSON.stringify(value)}`);
}

function asList(value: InputValue): string[] {
  if (value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function asOne(value: InputValue): string | null {
  if (Array.isArray(value)) return value[0] ?? null;
  return value === '' ? null : value;
}

/** Slack's state entry for an element holding `value`. */
export function elementState(element: Json, value: InputValue, suggested?: readonly Json[]): Json {
  const type = String(element.type);
  const one = asOne(value);
  switch (type) {
    case 'plain_text_input':
    case 'email_text_input':
    case 'url_text_input':
    case 'number_input':
      return { type, value: one };
    case 'static_select':
    case 'external_select':
    case 'radio_buttons':
    case 'overflow':
      return { type, selected_option: one === null ? null : pickOption(element, one, suggested) };
    case 'multi_static_select':
    case 'multi_external_select':
    case 'checkboxes':
      return { type, selected_options: asList(value).map((v) => pickOption(element, v, suggested)) };
    case 'users_select':
      return { type, selected_user: one };
    case 'multi_users_select':
      return { type, selected_users: asList(value) };
    case 'conversations_select':
      return { type, selected_conversation: one };
    case 'multi_conversations_select':
      return { type, selected_conversations: asList(value) };
    case 'channels_select':
      return { type, selected_channel: one };
    case 'multi_channels_select':
      return { type, selected_channels: asList(value) };
    case 'datepicker':
      if (one !== null && !/^\d{4}-\d{2}-\d{2}$/.test(one)) throw new Error(`datepicker wants YYYY-MM-DD, got ${one}`);
      return { type, selected_date: one };
    case 'timepicker':
      if (one !== null && !/^\d{2}:\d{2}$/.test(one)) throw new Error(`timepicker wants HH:mm, got ${one}`);
      return { type, selected_time: one, ...(typeof element.timezone === 'string' ? { timezone: element.timezone } : {}) };
    case 'datetimepicker':
      return { type, selected_date_time: one === null ? null : Number(one) };
    default:
      throw new Error(`element type ${type} holds no value`);
  }
}

/** The value an element starts with (its initial_* field), in InputValue form. */
function initialValue(element: Json): InputValue {
  const optionValue = (o: unknown) => (isObject(o) && typeof o.value === 'string' ? o.value : null);
  if (typeof element.initial_value === 'string') return element.initial_value;
  if (element.initial_option !== undefined) return optionValue(element.initial_option);
  if (Array.isArray(element.initial_options)) return element.initial_options.map(optionValue).filter((v): v is string => v !== null);
  for (const key of ['initial_user', 'initial_conversation', 'initial_channel', 'initial_date', 'initial_time']) {
    if (typeof element[key] === 'string') return element[key];
  }
  for (const key of ['initial_users', 'initial_conversations', 'initial_channels']) {
    if (Array.isArray(element[key])) return (element[key] as unknown[]).filter((v): v is string => typeof v === 'string');
  }
  if (typeof element.initial_date_time === 'number') return String(element.initial_date_time);
  return null;
}

function holdsValue(element: Json): boolean {
  return !['button', 'overflow', 'workflow_button', 'image', 'rich_text_input', 'file_input'].includes(String(element.type));
}

/**
 * The state Slack reports for fresh blocks: every input element (empty or with its initial value)
 * and stateful elements of actions/section blocks that start with a value.
 */
export function initialState(blocks: readonly Block[]): StateValues {
  const values: StateValues = {};
  for (const block of blocks) {
    for (const element of elementsOf(block)) {
      if (!holdsValue(element) || typeof element.action_id !== 'string' || typeof block.block_id !== 'string') continue;
      const value = initialValue(element);
      if (block.type !== 'input' && value === null) continue;
      (values[block.block_id] ??= {})[element.action_id] = elementState(element, value);
    }
  }
  return values;
}

/** Carries what a person already entered over to new blocks with the same block_id/action_id (views.update). */
export function carryOverState(previous: StateValues, blocks: readonly Block[]): StateValues {
  const next = initialState(blocks);
  for (const [blockId, byAction] of Object.entries(next)) {
    for (const actionId of Object.keys(byAction)) {
      const old = previous[blockId]?.[actionId];
      if (old && old.type === byAction[actionId]?.type) byAction[actionId] = old;
    }
  }
  return next;
}

/** Sets entered values into `state`, checking each names a real element. */
export function applyValues(
  state: StateValues,
  blocks: readonly Block[],
  values: Record<string, Record<string, InputValue>>,
  suggested: (blockId: string, actionId: string) => readonly Json[] | undefined,
): void {
  for (const [blockId, byAction] of Object.entries(values)) {
    for (const [actionId, value] of Object.entries(byAction)) {
      const found = findElement(blocks, actionId, blockId);
      if (!found) throw new Error(`no element ${blockId}/${actionId} in this view`);
      (state[blockId] ??= {})[actionId] = elementState(found.element, value, suggested(blockId, actionId));
    }
  }
}

function isEmpty(entry: Json | undefined): boolean {
  if (!entry) return true;
  for (const [k, v] of Object.entries(entry)) {
    if (k === 'type' || k === 'timezone') continue;
    if (v === null || v === '' || (Array.isArray(v) && v.length === 0)) return true;
  }
  return false;
}

/**
 * What the Slack client itself refuses before sending a view_submission: required inputs left
 * empty, text shorter/longer than the element allows, numbers out of range, malformed e-mail.
 */
export function clientSideErrors(blocks: readonly Block[], state: StateValues): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const block of blocks) {
    if (block.type !== 'input' || !isObject(block.element) || typeof block.block_id !== 'string') continue;
    const el = block.element;
    const entry = state[block.block_id]?.[String(el.action_id)];
    if (isEmpty(entry)) {
      if (block.optional !== true) errors[block.block_id] = 'Please complete this required field.';
      continue;
    }
    const text = typeof entry?.value === 'string' ? entry.value : undefined;
    if (text === undefined) continue;
    if (typeof el.min_length === 'number' && text.length < el.min_length) errors[block.block_id] = `Must be at least ${el.min_length} characters.`;
    if (typeof el.max_length === 'number' && text.length > el.max_length) errors[block.block_id] = `Must be at most ${el.max_length} characters.`;
    if (el.type === 'number_input') {
      const n = Number(text);
      if (!Number.isFinite(n) || (el.is_decimal_allowed !== true && !Number.isInteger(n))) errors[block.block_id] = 'Enter a number.';
      else if ((el.min_value !== undefined && n < Number(el.min_value)) || (el.max_value !== undefined && n > Number(el.max_value))) {
        errors[block.block_id] = 'Number out of range.';
      }
    }
    if (el.type === 'email_text_input' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(text)) errors[block.block_id] = 'Enter a valid e-mail address.';
  }
  return errors;
}
