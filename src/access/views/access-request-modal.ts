import type { KnownBlock, ModalView } from '@slack/types';
import type { GroupSearchHit } from '../domain/search-groups.ts';
import { ACTION_IDS, CALLBACK_IDS } from '../../platform/ids.ts';

/** Block ids of the request modal: the same names as the validation's error keys. */
export const ACCESS_BLOCKS = { group: 'group', email: 'email', justification: 'justification', duration: 'duration', until: 'until' } as const;
export const ACCESS_DENY_BLOCK = 'reason';

const MAX_OPTION_TEXT = 75;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The request modal: group picker (options loaded as the person types), address, why, how long. */
export function accessRequestModal(args: { defaultEmail?: string; channel: string }): ModalView {
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: `Ask to join a Google Group defined in kubernetes/k8s.io \`groups/\`. The group's approvers decide in #${args.channel}; once approved the bot opens the pull request.` },
    },
    {
      type: 'input',
      block_id: ACCESS_BLOCKS.group,
      label: { type: 'plain_text', text: 'Group' },
      element: {
        type: 'external_select',
        action_id: ACTION_IDS.access.groupSelect,
        placeholder: { type: 'plain_text', text: 'Type part of a group name' },
        min_query_length: 0,
      },
    },
    {
      type: 'input',
      block_id: ACCESS_BLOCKS.email,
      label: { type: 'plain_text', text: 'E-mail address to add' },
      element: {
        type: 'plain_text_input',
        action_id: ACTION_IDS.access.email,
        ...(args.defaultEmail ? { initial_value: args.defaultEmail } : {}),
      },
      hint: { type: 'plain_text', text: 'The Google account that needs the access.' },
    },
    {
      type: 'input',
      block_id: ACCESS_BLOCKS.justification,
      label: { type: 'plain_text', text: 'Justification' },
      element: {
        type: 'plain_text_input',
        action_id: ACTION_IDS.access.justification,
        multiline: true,
        max_length: 3000,
        placeholder: { type: 'plain_text', text: 'What you will do with this access, and for how long' },
      },
    },
    {
      type: 'input',
      block_id: ACCESS_BLOCKS.duration,
      label: { type: 'plain_text', text: 'Duration' },
      element: {
        type: 'radio_buttons',
        action_id: ACTION_IDS.access.duration,
        initial_option: { text: { type: 'plain_text', text: 'Permanent' }, value: 'permanent' },
        options: [
          { text: { type: 'plain_text', text: 'Permanent' }, value: 'permanent' },
          { text: { type: 'plain_text', text: 'Temporary, until the date below' }, value: 'temporary' },
        ],
      },
    },
    {
      type: 'input',
      block_id: ACCESS_BLOCKS.until,
      optional: true,
      label: { type: 'plain_text', text: 'Until (last day, UTC)' },
      element: { type: 'datepicker', action_id: ACTION_IDS.access.until, placeholder: { type: 'plain_text', text: 'Pick the last day' } },
      hint: { type: 'plain_text', text: 'Temporary access only. Three days before it ends you get a reminder; then the bot opens a removal pull request.' },
    },
  ];
  return {
    type: 'modal',
    callback_id: CALLBACK_IDS.access.request,
    title: { type: 'plain_text', text: 'Request access' },
    submit: { type: 'plain_text', text: 'Ask for approval' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks,
  };
}

export interface SelectOption {
  text: { type: 'plain_text'; text: string };
  value: string;
  description?: { type: 'plain_text'; text: string };
}

/** External select options for group search hits (text and description at most 75 characters). */
export function groupOptions(hits: readonly GroupSearchHit[]): SelectOption[] {
  return hits.map((h) => {
    const description = h.description.replace(/\s+/g, ' ').trim();
    return {
      text: { type: 'plain_text', text: clip(h.emailId, MAX_OPTION_TEXT) },
      value: h.emailId,
      ...(description ? { description: { type: 'plain_text', text: clip(description, MAX_OPTION_TEXT) } } : {}),
    };
  });
}

/** The reason modal behind Deny; the request id rides in private_metadata. */
export function accessDenyModal(args: { requestId: string; summary: string }): ModalView {
  return {
    type: 'modal',
    callback_id: CALLBACK_IDS.access.deny,
    private_metadata: args.requestId,
    title: { type: 'plain_text', text: 'Deny access request' },
    submit: { type: 'plain_text', text: 'Deny' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: clip(args.summary, 3000) } },
      {
        type: 'input',
        block_id: ACCESS_DENY_BLOCK,
        label: { type: 'plain_text', text: 'Reason (sent to the requester)' },
        element: { type: 'plain_text_input', action_id: ACTION_IDS.access.denyReason, multiline: true, max_length: 2000 },
      },
    ],
  };
}
