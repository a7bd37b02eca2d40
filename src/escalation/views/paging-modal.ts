import type { View } from '@slack/types';
import { SEVERITIES } from '../domain/directory.ts';
import { ACTION_IDS, CALLBACK_IDS } from '../../platform/ids.ts';

/** Slack keeps the full summary; section text is limited to 3000 characters, leave room for the title. */
export const MAX_PAGE_SUMMARY = 2800;
export const MAX_PAGE_DETAILS = 2800;

export const PAGE_MODAL_BLOCKS = { severity: 'paging.severity_block', summary: 'paging.summary_block', details: 'paging.details_block' } as const;

export interface PageModalMetadata {
  subprojectId: string;
  channelId: string;
}

export function pageModal(meta: PageModalMetadata, subprojectName: string): View {
  return {
    type: 'modal',
    callback_id: CALLBACK_IDS.paging.create,
    private_metadata: JSON.stringify(meta),
    title: { type: 'plain_text', text: 'Page the on-call' },
    submit: { type: 'plain_text', text: 'Page' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `Page *${subprojectName}* (\`${meta.subprojectId}\`): the on-call is notified now, then the escalation policy runs until someone acknowledges.` } },
      {
        type: 'input',
        block_id: PAGE_MODAL_BLOCKS.severity,
        label: { type: 'plain_text', text: 'Severity' },
        element: {
          type: 'static_select',
          action_id: ACTION_IDS.paging.severity,
          initial_option: { text: { type: 'plain_text', text: 'error' }, value: 'error' },
          options: SEVERITIES.map((s) => ({ text: { type: 'plain_text', text: s }, value: s })),
        },
        hint: { type: 'plain_text', text: 'Outside working hours, people are woken for critical pages only (unless nobody else is awake).' },
      },
      {
        type: 'input',
        block_id: PAGE_MODAL_BLOCKS.summary,
        label: { type: 'plain_text', text: 'Summary' },
        element: { type: 'plain_text_input', action_id: ACTION_IDS.paging.summary, placeholder: { type: 'plain_text', text: 'image pulls failing in eu' } },
      },
      {
        type: 'input',
        block_id: PAGE_MODAL_BLOCKS.details,
        optional: true,
        label: { type: 'plain_text', text: 'Details' },
        element: { type: 'plain_text_input', action_id: ACTION_IDS.paging.details, multiline: true },
      },
    ],
  };
}

/** Inline errors for the modal, keyed by block id; empty when the input is fine. */
export function validatePageInput(summary: string, details: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (summary.trim() === '') errors[PAGE_MODAL_BLOCKS.summary] = 'Say what is wrong: the summary is what people are woken up with.';
  else if (summary.length > MAX_PAGE_SUMMARY) errors[PAGE_MODAL_BLOCKS.summary] = `Keep the summary under ${MAX_PAGE_SUMMARY} characters (it has ${summary.length}); put the rest in Details.`;
  if (details.length > MAX_PAGE_DETAILS) errors[PAGE_MODAL_BLOCKS.details] = `Details are limited to ${MAX_PAGE_DETAILS} characters (they have ${details.length}).`;
  return errors;
}
