import type { KnownBlock, ModalView } from '@slack/types';
import { z } from 'zod';
import type { GroupSearchHit } from '../domain/search-groups.ts';
import { ACCESS_IDS } from '../ids.ts';
import type { AccessRequest } from '../domain/access-request.ts';
import { escapeMrkdwn } from '../../core/mrkdwn.ts';
import { requestSummary } from './access-request-message.ts';
import { clip, section, SLACK_LIMITS } from '../../platform/slack/blocks.ts';

// Plain-text elements are written by hand here: the builders add `emoji: true`, which would change
// the modals people have open and the snapshots that pin them.

const { actions: A, blocks: B, callbacks: C } = ACCESS_IDS;

/** The request modal: group picker (options loaded as the person types), address, why, how long. */
export function accessRequestModal(args: { defaultEmail?: string; channel: string }): ModalView {
  const blocks: KnownBlock[] = [
    section(`Ask to join a Google Group defined in kubernetes/k8s.io \`groups/\`. The group's approvers decide in #${args.channel}; once approved the bot opens the pull request.`),
    {
      type: 'input',
      block_id: B.group,
      label: { type: 'plain_text', text: 'Group' },
      element: {
        type: 'external_select',
        action_id: A.groupSelect,
        placeholder: { type: 'plain_text', text: 'Type part of a group name' },
        min_query_length: 0,
      },
    },
    {
      type: 'input',
      block_id: B.email,
      label: { type: 'plain_text', text: 'E-mail address to add' },
      element: {
        type: 'plain_text_input',
        action_id: A.email,
        ...(args.defaultEmail ? { initial_value: args.defaultEmail } : {}),
      },
      hint: { type: 'plain_text', text: 'The Google account that needs the access.' },
    },
    {
      type: 'input',
      block_id: B.justification,
      label: { type: 'plain_text', text: 'Justification' },
      element: {
        type: 'plain_text_input',
        action_id: A.justification,
        multiline: true,
        max_length: 3000,
        placeholder: { type: 'plain_text', text: 'What you will do with this access, and for how long' },
      },
    },
    {
      type: 'input',
      block_id: B.duration,
      label: { type: 'plain_text', text: 'Duration' },
      element: {
        type: 'radio_buttons',
        action_id: A.duration,
        initial_option: { text: { type: 'plain_text', text: 'Permanent' }, value: 'permanent' },
        options: [
          { text: { type: 'plain_text', text: 'Permanent' }, value: 'permanent' },
          { text: { type: 'plain_text', text: 'Temporary, until the date below' }, value: 'temporary' },
        ],
      },
    },
    {
      type: 'input',
      block_id: B.until,
      optional: true,
      label: { type: 'plain_text', text: 'Until (last day, UTC)' },
      element: { type: 'datepicker', action_id: A.until, placeholder: { type: 'plain_text', text: 'Pick the last day' } },
      hint: { type: 'plain_text', text: 'Temporary access only. Three days before it ends you get a reminder; then the bot opens a removal pull request.' },
    },
  ];
  return {
    type: 'modal',
    callback_id: C.request,
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
      text: { type: 'plain_text', text: clip(h.emailId, SLACK_LIMITS.optionText) },
      value: h.emailId,
      ...(description ? { description: { type: 'plain_text', text: clip(description, SLACK_LIMITS.optionDescription) } } : {}),
    };
  });
}

/** The reason modal behind Deny. Its private_metadata is the bare request id (see `denyModalRequestId`). */
export function accessDenyModal(args: { request: AccessRequest }): ModalView {
  const { request } = args;
  return {
    type: 'modal',
    callback_id: C.deny,
    private_metadata: request.id,
    title: { type: 'plain_text', text: 'Deny access request' },
    submit: { type: 'plain_text', text: 'Deny' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      section(`Deny *${escapeMrkdwn(requestSummary(request))}* for <@${request.requester.slackUserId}>?`),
      {
        type: 'input',
        block_id: B.denyReason,
        label: { type: 'plain_text', text: 'Reason (sent to the requester)' },
        element: { type: 'plain_text_input', action_id: A.denyReason, multiline: true, max_length: 2000 },
      },
    ],
  };
}

/**
 * The deny modal's private_metadata: the bare request id, not JSON (modals already open carry it
 * so). Anything else is a view from elsewhere or a crafted submission.
 */
export const denyModalRequestId = z.string().regex(/^ar-[0-9a-f]{12}$/);
