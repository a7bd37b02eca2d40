import type { ModalView } from '@slack/types';
import { z } from 'zod';
import { escapeMrkdwn } from '../../core/mrkdwn.ts';
import type { AccessRequest } from '../domain/access-request.ts';
import { ACCESS_IDS } from '../ids.ts';
import { section } from '../../platform/slack/blocks.ts';

const { actions: A, blocks: B, callbacks: C } = ACCESS_IDS;

/** The Extend modal: the new last day and why; its private_metadata is the extended request's id. */
export function extendAccessModal(request: AccessRequest): ModalView {
  return {
    type: 'modal',
    callback_id: C.extend,
    private_metadata: request.id,
    title: { type: 'plain_text', text: 'Extend access' },
    submit: { type: 'plain_text', text: 'Ask for approval' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      section(`Extend ${escapeMrkdwn(request.memberEmail)} in \`${escapeMrkdwn(request.group.emailId)}\` beyond ${request.until}. The group's approvers decide, as for the first request.`),
      {
        type: 'input',
        block_id: B.extendUntil,
        label: { type: 'plain_text', text: 'New last day (UTC)' },
        element: { type: 'datepicker', action_id: A.extendUntil, placeholder: { type: 'plain_text', text: 'Pick the new last day' } },
      },
      {
        type: 'input',
        block_id: B.extendJustification,
        label: { type: 'plain_text', text: 'Why longer' },
        element: { type: 'plain_text_input', action_id: A.extendJustification, multiline: true, max_length: 3000 },
      },
    ],
  };
}

/** The bare request id, as the Extend modal carries it; anything else is refused. */
export const extendModalRequestId = z.string().regex(/^ar-[0-9a-f]{12}$/);
