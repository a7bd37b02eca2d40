import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn } from '../../core/mrkdwn.ts';
import type { AccessRequest } from '../domain/access-request.ts';
import { ACCESS_IDS } from '../ids.ts';
import { actions, section } from '../../platform/slack/blocks.ts';

/** The DM before temporary access ends (requester and the grant's approvers): Extend and End now. */
export function expiryReminderMessage(request: AccessRequest, days: number): { text: string; blocks: KnownBlock[] } {
  const when = days === 1 ? 'tomorrow' : `in ${days} days`;
  const what = `${escapeMrkdwn(request.memberEmail)} in \`${escapeMrkdwn(request.group.emailId)}\``;
  const text = `Temporary access ends ${when}: ${what}, after ${request.until}. The bot then opens the pull request that removes it.`;
  return {
    text,
    blocks: [
      section(`:alarm_clock: ${text}\nThe requester can ask to *extend* it (a new small request, approved the usual way); the requester or an approver can *end it now*.`),
      // Buttons by hand, like the approval message's (the builder adds `emoji: true`).
      actions(`${ACCESS_IDS.blocks.expiry}${request.id}`, [
        { type: 'button', action_id: ACCESS_IDS.actions.extend, text: { type: 'plain_text', text: 'Extend' }, style: 'primary', value: request.id },
        { type: 'button', action_id: ACCESS_IDS.actions.endNow, text: { type: 'plain_text', text: 'End now' }, style: 'danger', value: request.id },
      ]),
    ],
  };
}
