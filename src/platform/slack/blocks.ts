/**
 * Typed Block Kit builders that keep every piece within Slack's limits, so a long summary or a
 * large list becomes a clipped message instead of an `invalid_blocks` error nobody sees.
 * They do not escape: text given as mrkdwn is shown as mrkdwn. User and third-party text must go
 * through `escapeMrkdwn` (src/core/mrkdwn.ts) before it reaches them.
 */
import type {
  ActionsBlock,
  Button,
  ContextBlock,
  DividerBlock,
  HeaderBlock,
  InputBlock,
  KnownBlock,
  ModalView,
  MrkdwnElement,
  PlainTextElement,
  PlainTextInput,
  PlainTextOption,
  SectionBlock,
  StaticSelect,
} from '@slack/types';

/** Slack's documented limits (https://api.slack.com/reference/block-kit). */
export const SLACK_LIMITS = {
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  contextElements: 10,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  optionText: 75,
  optionValue: 150,
  optionDescription: 75,
  selectOptions: 100,
  id: 255,
  modalTitle: 24,
  modalBlocks: 100,
  messageBlocks: 50,
  privateMetadata: 3000,
  inputMaxLength: 3000,
  messageText: 40000,
  placeholder: 150,
  label: 2000,
  hint: 2000,
} as const;

/** The first `end` UTF-16 units of `text`, one fewer when that would split a surrogate pair (a lone half is invalid JSON for Slack). */
function cutAt(text: string, end: number): string {
  const code = text.charCodeAt(end - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? end - 1 : end);
}

/** `text` cut to `max` characters, ending in an ellipsis when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${cutAt(text, max - 1)}…`;
}

export function plain(text: string, max: number = SLACK_LIMITS.sectionText): PlainTextElement {
  return { type: 'plain_text', text: clip(text, max), emoji: true };
}

export function mrkdwn(text: string, max: number = SLACK_LIMITS.sectionText): MrkdwnElement {
  return { type: 'mrkdwn', text: clip(text, max) };
}

export function section(text: string, options: { blockId?: string; fields?: readonly string[]; accessory?: SectionBlock['accessory'] } = {}): SectionBlock {
  return {
    type: 'section',
    ...(options.blockId ? { block_id: options.blockId } : {}),
    text: mrkdwn(text),
    ...(options.fields?.length ? { fields: options.fields.slice(0, SLACK_LIMITS.sectionFields).map((f) => mrkdwn(f, SLACK_LIMITS.fieldText)) } : {}),
    ...(options.accessory ? { accessory: options.accessory } : {}),
  };
}

export function context(...texts: readonly string[]): ContextBlock {
  return { type: 'context', elements: texts.slice(0, SLACK_LIMITS.contextElements).map((t) => mrkdwn(t)) };
}

export function header(text: string): HeaderBlock {
  return { type: 'header', text: plain(text, SLACK_LIMITS.headerText) };
}

export function divider(): DividerBlock {
  return { type: 'divider' };
}

export function button(options: { text: string; actionId: string; value?: string; style?: 'primary' | 'danger'; url?: string }): Button {
  return {
    type: 'button',
    action_id: options.actionId,
    text: plain(options.text, SLACK_LIMITS.buttonText),
    ...(options.value !== undefined ? { value: clip(options.value, SLACK_LIMITS.buttonValue) } : {}),
    ...(options.style ? { style: options.style } : {}),
    ...(options.url ? { url: options.url } : {}),
  };
}

export function actions(blockId: string | undefined, elements: ActionsBlock['elements']): ActionsBlock {
  return { type: 'actions', ...(blockId ? { block_id: blockId } : {}), elements: elements.slice(0, 25) };
}

export function option(text: string, value: string, description?: string): PlainTextOption {
  return {
    text: plain(text, SLACK_LIMITS.optionText),
    value: clip(value, SLACK_LIMITS.optionValue),
    ...(description ? { description: plain(description, SLACK_LIMITS.optionDescription) } : {}),
  };
}

export function staticSelect(options: { actionId: string; options: readonly PlainTextOption[]; initial?: PlainTextOption; placeholder?: string }): StaticSelect {
  return {
    type: 'static_select',
    action_id: options.actionId,
    options: options.options.slice(0, SLACK_LIMITS.selectOptions),
    ...(options.initial ? { initial_option: options.initial } : {}),
    ...(options.placeholder ? { placeholder: plain(options.placeholder, SLACK_LIMITS.placeholder) } : {}),
  };
}

/**
 * A text field. `initial` longer than `maxLength` is clipped to it: Slack refuses a view whose
 * `initial_value` exceeds the element's `max_length`, and the person would see nothing at all.
 */
export function textInput(options: {
  actionId: string;
  maxLength?: number;
  minLength?: number;
  multiline?: boolean;
  initial?: string;
  placeholder?: string;
}): PlainTextInput {
  const max = Math.min(options.maxLength ?? SLACK_LIMITS.inputMaxLength, SLACK_LIMITS.inputMaxLength);
  return {
    type: 'plain_text_input',
    action_id: options.actionId,
    max_length: max,
    ...(options.minLength !== undefined ? { min_length: options.minLength } : {}),
    ...(options.multiline ? { multiline: true } : {}),
    ...(options.initial ? { initial_value: options.initial.length > max ? cutAt(options.initial, max) : options.initial } : {}),
    ...(options.placeholder ? { placeholder: plain(options.placeholder, SLACK_LIMITS.placeholder) } : {}),
  };
}

export function input(options: { blockId: string; label: string; element: InputBlock['element']; optional?: boolean; hint?: string; dispatchAction?: boolean }): InputBlock {
  return {
    type: 'input',
    block_id: options.blockId,
    label: plain(options.label, SLACK_LIMITS.label),
    element: options.element,
    ...(options.optional ? { optional: true } : {}),
    ...(options.hint ? { hint: plain(options.hint, SLACK_LIMITS.hint) } : {}),
    ...(options.dispatchAction ? { dispatch_action: true } : {}),
  };
}

/** A modal within Slack's limits: title, submit and close at most 24 characters, at most 100 blocks. */
export function modal(options: { callbackId: string; title: string; submit?: string; close?: string; blocks: readonly KnownBlock[]; privateMetadata?: string }): ModalView {
  if (options.privateMetadata !== undefined && options.privateMetadata.length > SLACK_LIMITS.privateMetadata) {
    // A programming error (metadata is ids, not text): fail loudly in tests rather than in Slack.
    throw new Error(`private_metadata of ${options.callbackId} is ${options.privateMetadata.length} characters (limit ${SLACK_LIMITS.privateMetadata})`);
  }
  return {
    type: 'modal',
    callback_id: options.callbackId,
    title: plain(options.title, SLACK_LIMITS.modalTitle),
    ...(options.submit ? { submit: plain(options.submit, SLACK_LIMITS.modalTitle) } : {}),
    close: plain(options.close ?? 'Cancel', SLACK_LIMITS.modalTitle),
    ...(options.privateMetadata !== undefined ? { private_metadata: options.privateMetadata } : {}),
    blocks: limitBlocks(options.blocks, SLACK_LIMITS.modalBlocks),
  };
}

/** A message's blocks within the 50-block limit; the last block says how many were left out. */
export function messageBlocks(blocks: readonly KnownBlock[]): KnownBlock[] {
  return limitBlocks(blocks, SLACK_LIMITS.messageBlocks);
}

function limitBlocks(blocks: readonly KnownBlock[], max: number): KnownBlock[] {
  if (blocks.length <= max) return [...blocks];
  return [...blocks.slice(0, max - 1), context(`…and ${blocks.length - max + 1} more not shown.`)];
}
