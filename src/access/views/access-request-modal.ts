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

/** The second step, for lists split into comment sections or with a note on every line. */
export interface PlacementStep {
  /** Section titles ('' for an untitled first part); offered when there are two or more. */
  sections: readonly string[];
  defaultSection: number;
  notes: boolean;
  /** What the person submitted in the first step, shown again. */
  values: { group: string; email: string; justification: string; temporary: boolean; until?: string | undefined };
}

/** private_metadata of a request modal showing the placement step. */
export const placementMetadata = z.object({ step: z.literal('placement') });

const NOTE_MAX = 100;

function sectionLabel(title: string, i: number): string {
  return clip(title === '' ? `Part ${i + 1} (no heading)` : title, SLACK_LIMITS.optionText);
}

function placementBlocks(step: PlacementStep): KnownBlock[] {
  const blocks: KnownBlock[] = [section(`The members list of \`${escapeMrkdwn(step.values.group)}\` is kept ${step.sections.length > 1 ? 'in sections, each with its own meaning' : 'with a note on every line'}: check where the address goes, then submit again.`)];
  if (step.sections.length > 1) {
    const options = step.sections.slice(0, SLACK_LIMITS.selectOptions).map((t, i) => ({ text: { type: 'plain_text' as const, text: sectionLabel(t, i) }, value: String(i) }));
    blocks.push({
      type: 'input',
      block_id: B.section,
      label: { type: 'plain_text', text: 'Section of the members list' },
      element: { type: 'static_select', action_id: A.section, options, initial_option: options[Math.min(step.defaultSection, options.length - 1)]! },
      hint: { type: 'plain_text', text: 'The line goes at the end or the sorted place of this section, as the section is kept.' },
    });
  }
  if (step.notes) {
    blocks.push({
      type: 'input',
      block_id: B.note,
      optional: true,
      label: { type: 'plain_text', text: 'Note after the address' },
      element: { type: 'plain_text_input', action_id: A.note, max_length: NOTE_MAX, placeholder: { type: 'plain_text', text: 'e.g. 1.34 Release Notes Shadow' } },
      hint: { type: 'plain_text', text: `Every line of this list carries one (# …); at most ${NOTE_MAX} characters, one line.` },
    });
  }
  return blocks;
}

/** The request modal: group picker (options loaded as the person types), address, why, how long; then, for some lists, where the line goes. */
export function accessRequestModal(args: { defaultEmail?: string; channel: string; placement?: PlacementStep }): ModalView {
  const v = args.placement?.values;
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
        ...(v ? { initial_option: { text: { type: 'plain_text', text: clip(v.group, SLACK_LIMITS.optionText) }, value: v.group } } : {}),
      },
    },
    {
      type: 'input',
      block_id: B.email,
      label: { type: 'plain_text', text: 'E-mail address to add' },
      element: {
        type: 'plain_text_input',
        action_id: A.email,
        ...(v ? { initial_value: v.email.slice(0, 254) } : args.defaultEmail ? { initial_value: args.defaultEmail } : {}),
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
        ...(v ? { initial_value: v.justification.slice(0, 3000) } : {}),
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
        initial_option: v?.temporary
          ? { text: { type: 'plain_text', text: 'Temporary, until the date below' }, value: 'temporary' }
          : { text: { type: 'plain_text', text: 'Permanent' }, value: 'permanent' },
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
      element: { type: 'datepicker', action_id: A.until, ...(v?.until ? { initial_date: v.until } : {}), placeholder: { type: 'plain_text', text: 'Pick the last day' } },
      hint: { type: 'plain_text', text: 'Temporary access only. Three days before it ends you get a reminder; then the bot opens a removal pull request.' },
    },
    ...(args.placement ? placementBlocks(args.placement) : []),
  ];
  return {
    type: 'modal',
    callback_id: C.request,
    ...(args.placement ? { private_metadata: JSON.stringify({ step: 'placement' }) } : {}),
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
