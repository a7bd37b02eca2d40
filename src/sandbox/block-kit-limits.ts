/**
 * Block Kit checks the emulator applies before accepting a message or a view, with Slack's limits
 * and Slack's message format: `[ERROR] <what> [json-pointer:<where>]`.
 */
export type Surface = 'message' | 'modal' | 'home';

export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  viewTitle: 24,
  privateMetadata: 3000,
  id: 255,
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  headerText: 150,
  actionsElements: 25,
  contextElements: 10,
  buttonText: 75,
  buttonValue: 2000,
  selectOptions: 100,
  optionText: 75,
  optionValue: 150,
  checkboxOptions: 10,
  messageText: 40000,
  /** plain_text_input's own cap: its max_length, min_length and initial_value may not exceed it. */
  plainTextInput: 3000,
} as const;

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const BLOCK_TYPES = new Set([
  'section', 'divider', 'image', 'actions', 'context', 'input', 'header', 'rich_text', 'video', 'file', 'markdown',
]);
const INTERACTIVE_ELEMENTS = new Set([
  'button', 'overflow', 'static_select', 'external_select', 'users_select', 'conversations_select',
  'channels_select', 'multi_static_select', 'multi_external_select', 'multi_users_select',
  'multi_conversations_select', 'multi_channels_select', 'datepicker', 'timepicker', 'datetimepicker',
  'checkboxes', 'radio_buttons', 'plain_text_input', 'number_input', 'email_text_input',
  'url_text_input', 'rich_text_input', 'workflow_button', 'file_input',
]);
const VIEW_KEYS = new Set([
  'type', 'title', 'blocks', 'close', 'submit', 'private_metadata', 'callback_id', 'clear_on_close',
  'notify_on_close', 'external_id',
]);

class Problems {
  readonly list: string[] = [];
  add(what: string, pointer: string): void {
    this.list.push(`[ERROR] ${what} [json-pointer:${pointer}]`);
  }
  maxLength(value: unknown, max: number, pointer: string): void {
    if (typeof value === 'string' && value.length > max) this.add(`must be less than ${max + 1} characters`, pointer);
  }
}

function checkText(p: Problems, text: unknown, pointer: string, max: number, plainOnly = false): void {
  if (!isObject(text)) {
    p.add('must be a text object', pointer);
    return;
  }
  if (text.type !== 'plain_text' && (plainOnly || text.type !== 'mrkdwn')) {
    p.add(`must be ${plainOnly ? 'plain_text' : 'plain_text or mrkdwn'}`, `${pointer}/type`);
  }
  if (typeof text.text !== 'string' || text.text.length === 0) p.add('must be more than 0 characters', `${pointer}/text`);
  p.maxLength(text.text, max, `${pointer}/text`);
}

function checkOptions(p: Problems, options: unknown, pointer: string, max: number): void {
  if (!Array.isArray(options)) return;
  if (options.length > max) p.add(`no more than ${max} items allowed`, pointer);
  options.forEach((o: unknown, i) => {
    if (!isObject(o)) return p.add('must be an option object', `${pointer}/${i}`);
    checkText(p, o.text, `${pointer}/${i}/text`, LIMITS.optionText);
    p.maxLength(o.value, LIMITS.optionValue, `${pointer}/${i}/value`);
  });
}

function checkElement(p: Problems, el: unknown, pointer: string, actionIds: Set<string>): void {
  if (!isObject(el) || typeof el.type !== 'string') return p.add('must be an element object', pointer);
  if (el.type === 'image') {
    if (typeof el.alt_text !== 'string') p.add('missing required field: alt_text', pointer);
    return;
  }
  if (!INTERACTIVE_ELEMENTS.has(el.type)) return p.add(`unsupported type: ${el.type}`, `${pointer}/type`);
  if (el.action_id !== undefined) {
    p.maxLength(el.action_id, LIMITS.id, `${pointer}/action_id`);
    if (typeof el.action_id === 'string') {
      if (actionIds.has(el.action_id)) p.add(`action_id already exists: ${el.action_id}`, `${pointer}/action_id`);
      actionIds.add(el.action_id);
    }
  }
  if (el.type === 'button') {
    checkText(p, el.text, `${pointer}/text`, LIMITS.buttonText, true);
    p.maxLength(el.value, LIMITS.buttonValue, `${pointer}/value`);
  }
  if (el.placeholder !== undefined) checkText(p, el.placeholder, `${pointer}/placeholder`, 150, true);
  const optionMax = el.type === 'checkboxes' || el.type === 'radio_buttons' ? LIMITS.checkboxOptions : LIMITS.selectOptions;
  checkOptions(p, el.options, `${pointer}/options`, optionMax);
  if (Array.isArray(el.option_groups)) {
    el.option_groups.forEach((g: unknown, i) => {
      if (isObject(g)) checkOptions(p, g.options, `${pointer}/option_groups/${i}/options`, LIMITS.selectOptions);
    });
  }
  if ((el.type === 'static_select' || el.type === 'multi_static_select') && el.options === undefined && el.option_groups === undefined) {
    p.add('must provide either options or option_groups', pointer);
  }
  if (el.type === 'plain_text_input') checkTextInputLengths(p, el, pointer);
}

/**
 * A plain_text_input's lengths: max_length 1..3000, min_length 0..3000 and not above max_length,
 * and an initial_value that fits them. Slack refuses the whole view (or message) otherwise, so a
 * prefilled value the bot did not clip shows up here instead of in front of a person.
 */
function checkTextInputLengths(p: Problems, el: Json, pointer: string): void {
  const cap = LIMITS.plainTextInput;
  const max = typeof el.max_length === 'number' ? el.max_length : undefined;
  const min = typeof el.min_length === 'number' ? el.min_length : undefined;
  if (max !== undefined && max > cap) p.add(`must be no larger than ${cap}`, `${pointer}/max_length`);
  if (max !== undefined && max < 1) p.add('must be no smaller than 1', `${pointer}/max_length`);
  if (min !== undefined && min > cap) p.add(`must be no larger than ${cap}`, `${pointer}/min_length`);
  if (min !== undefined && min < 0) p.add('must be no smaller than 0', `${pointer}/min_length`);
  if (min !== undefined && max !== undefined && min > max) p.add('must be no larger than max_length', `${pointer}/min_length`);
  if (el.initial_value === undefined) return;
  if (typeof el.initial_value !== 'string') return p.add('must be a string', `${pointer}/initial_value`);
  const length = el.initial_value.length;
  const longest = Math.min(max ?? cap, cap);
  if (length > longest) p.add(`must be less than ${longest + 1} characters`, `${pointer}/initial_value`);
  // An empty initial_value is no value at all; Slack only holds a present one to min_length.
  if (min !== undefined && length > 0 && length < min) p.add(`must be at least ${min} characters`, `${pointer}/initial_value`);
}

function checkBlock(p: Problems, block: unknown, pointer: string, blockIds: Set<string>): void {
  if (!isObject(block) || typeof block.type !== 'string') return p.add('must be a block object', pointer);
  if (!BLOCK_TYPES.has(block.type)) return p.add(`unsupported type: ${block.type}`, `${pointer}/type`);
  if (block.block_id !== undefined) {
    p.maxLength(block.block_id, LIMITS.id, `${pointer}/block_id`);
    if (typeof block.block_id === 'string') {
      if (blockIds.has(block.block_id)) p.add(`duplicate block_id: ${block.block_id}`, `${pointer}/block_id`);
      blockIds.add(block.block_id);
    }
  }
  const actionIds = new Set<string>();
  switch (block.type) {
    case 'section':
      if (block.text === undefined && block.fields === undefined) p.add('must provide either text or fields', pointer);
      if (block.text !== undefined) checkText(p, block.text, `${pointer}/text`, LIMITS.sectionText);
      if (block.fields !== undefined) {
        if (!Array.isArray(block.fields)) p.add('must be an array', `${pointer}/fields`);
        else {
          if (block.fields.length > LIMITS.sectionFields) p.add(`no more than ${LIMITS.sectionFields} items allowed`, `${pointer}/fields`);
          block.fields.forEach((f: unknown, i) => checkText(p, f, `${pointer}/fields/${i}`, LIMITS.sectionFieldText));
        }
      }
      if (block.accessory !== undefined) checkElement(p, block.accessory, `${pointer}/accessory`, actionIds);
      break;
    case 'header':
      checkText(p, block.text, `${pointer}/text`, LIMITS.headerText, true);
      break;
    case 'actions':
    case 'context': {
      const max = block.type === 'actions' ? LIMITS.actionsElements : LIMITS.contextElements;
      if (!Array.isArray(block.elements) || block.elements.length === 0) {
        p.add('must provide at least 1 element', `${pointer}/elements`);
        break;
      }
      if (block.elements.length > max) p.add(`no more than ${max} items allowed`, `${pointer}/elements`);
      block.elements.forEach((el: unknown, i) => {
        const at = `${pointer}/elements/${i}`;
        if (block.type === 'context' && isObject(el) && (el.type === 'mrkdwn' || el.type === 'plain_text')) checkText(p, el, at, LIMITS.sectionText);
        else checkElement(p, el, at, actionIds);
      });
      break;
    }
    case 'input':
      checkText(p, block.label, `${pointer}/label`, 2000, true);
      if (block.hint !== undefined) checkText(p, block.hint, `${pointer}/hint`, 2000, true);
      if (block.element === undefined) p.add('missing required field: element', pointer);
      else checkElement(p, block.element, `${pointer}/element`, actionIds);
      break;
    case 'image':
      if (typeof block.image_url !== 'string' && block.slack_file === undefined) p.add('missing required field: image_url', pointer);
      if (typeof block.alt_text !== 'string') p.add('missing required field: alt_text', pointer);
      p.maxLength(block.alt_text, 2000, `${pointer}/alt_text`);
      break;
  }
}

/** Problems with a list of blocks on a surface; empty when Slack would accept it. */
export function checkBlocks(blocks: unknown, surface: Surface, pointer = '/blocks'): string[] {
  const p = new Problems();
  if (!Array.isArray(blocks)) {
    p.add('must be an array', pointer);
    return p.list;
  }
  const max = surface === 'message' ? LIMITS.messageBlocks : LIMITS.viewBlocks;
  if (blocks.length > max) p.add(`no more than ${max} items allowed`, pointer);
  const blockIds = new Set<string>();
  blocks.forEach((b: unknown, i) => checkBlock(p, b, `${pointer}/${i}`, blockIds));
  return p.list;
}

/** Problems with a modal or Home tab view object; empty when Slack would accept it. */
export function checkView(view: unknown, expectedType?: 'modal' | 'home'): string[] {
  const p = new Problems();
  if (!isObject(view)) {
    p.add('must be an object', '/view');
    return p.list;
  }
  for (const key of Object.keys(view)) if (!VIEW_KEYS.has(key)) p.add(`invalid additional property: ${key}`, '/view');
  if (view.type !== 'modal' && view.type !== 'home') p.add('must be modal or home', '/view/type');
  else if (expectedType && view.type !== expectedType) p.add(`must be ${expectedType}`, '/view/type');
  if (view.type === 'modal') {
    if (view.title === undefined) p.add('missing required field: title', '/view');
    else checkText(p, view.title, '/view/title', LIMITS.viewTitle, true);
    if (view.submit !== undefined) checkText(p, view.submit, '/view/submit', LIMITS.viewTitle, true);
    if (view.close !== undefined) checkText(p, view.close, '/view/close', LIMITS.viewTitle, true);
    const hasInput = Array.isArray(view.blocks) && view.blocks.some((b: unknown) => isObject(b) && b.type === 'input');
    if (hasInput && view.submit === undefined) p.add('must provide submit property when using input blocks', '/view');
  }
  if (view.private_metadata !== undefined && typeof view.private_metadata !== 'string') p.add('must be a string', '/view/private_metadata');
  p.maxLength(view.private_metadata, LIMITS.privateMetadata, '/view/private_metadata');
  p.maxLength(view.callback_id, LIMITS.id, '/view/callback_id');
  p.maxLength(view.external_id, LIMITS.id, '/view/external_id');
  p.list.push(...checkBlocks(view.blocks, view.type === 'home' ? 'home' : 'modal', '/view/blocks'));
  return p.list;
}
