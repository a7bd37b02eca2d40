import type { ModalView } from '@slack/types';
import { z } from 'zod';
import { escapeInline } from '../../core/mrkdwn.ts';
import { section } from '../../platform/slack/blocks.ts';
import { writeMetadata } from '../../platform/slack/private-metadata.ts';
import { SEVERITIES } from '../domain/directory.ts';
import { PAGING_IDS } from '../ids.ts';

/** Slack keeps the full summary; section text is limited to 3000 characters, leave room for the title. */
const MAX_PAGE_SUMMARY = 2800;
const MAX_PAGE_DETAILS = 2800;

/** What the modal carries from the command to its submission. */
export const pageModalMetadata = z.object({ subprojectId: z.string().min(1), channelId: z.string() });
export type PageModalMetadata = z.infer<typeof pageModalMetadata>;

const { actions: ACTIONS, blocks: BLOCKS } = PAGING_IDS;

/**
 * The create-page form. Its inputs are built by hand rather than with `input()`/`textInput()`:
 * those add `emoji: true` and a `max_length`, and the summary's limit is checked on submit so the
 * person sees why (with the count) instead of a field that stops taking text.
 */
export function pageModal(meta: PageModalMetadata, subprojectName: string): ModalView {
  return {
    type: 'modal',
    callback_id: PAGING_IDS.callbacks.create,
    private_metadata: writeMetadata(meta),
    title: { type: 'plain_text', text: 'Page the on-call' },
    submit: { type: 'plain_text', text: 'Page' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      section(`Page *${escapeInline(subprojectName)}* (\`${meta.subprojectId}\`): the on-call is notified now, then the escalation policy runs until someone acknowledges.`),
      {
        type: 'input',
        block_id: BLOCKS.severity,
        label: { type: 'plain_text', text: 'Severity' },
        element: {
          type: 'static_select',
          action_id: ACTIONS.severity,
          initial_option: { text: { type: 'plain_text', text: 'error' }, value: 'error' },
          options: SEVERITIES.map((s) => ({ text: { type: 'plain_text', text: s }, value: s })),
        },
        hint: { type: 'plain_text', text: 'Outside working hours, people are woken for critical pages only (unless nobody else is awake).' },
      },
      {
        type: 'input',
        block_id: BLOCKS.summary,
        label: { type: 'plain_text', text: 'Summary' },
        element: { type: 'plain_text_input', action_id: ACTIONS.summary, placeholder: { type: 'plain_text', text: 'image pulls failing in eu' } },
      },
      {
        type: 'input',
        block_id: BLOCKS.details,
        optional: true,
        label: { type: 'plain_text', text: 'Details' },
        element: { type: 'plain_text_input', action_id: ACTIONS.details, multiline: true },
      },
    ],
  };
}

/** Inline errors for the modal, keyed by block id; empty when the input is fine. */
export function validatePageInput(summary: string, details: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (summary.trim() === '') errors[BLOCKS.summary] = 'Say what is wrong: the summary is what people are woken up with.';
  else if (summary.length > MAX_PAGE_SUMMARY) errors[BLOCKS.summary] = `Keep the summary under ${MAX_PAGE_SUMMARY} characters (it has ${summary.length}); put the rest in Details.`;
  if (details.length > MAX_PAGE_DETAILS) errors[BLOCKS.details] = `Details are limited to ${MAX_PAGE_DETAILS} characters (they have ${details.length}).`;
  return errors;
}
