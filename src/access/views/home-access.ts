import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import { escapeInline } from '../../core/mrkdwn.ts';
import { section } from '../../platform/slack/blocks.ts';
import type { AccessRequest } from '../domain/access-request.ts';

export interface HomeAccessView {
  /** Pending requests this person may approve. */
  waiting: readonly AccessRequest[];
  /** This person's temporary access ending within the window. */
  endingSoon: readonly AccessRequest[];
  zone: string;
}

function group(r: AccessRequest): string {
  return `*${escapeInline(r.group.name)}* (\`${escapeInline(r.group.emailId)}\`)`;
}

function where(r: AccessRequest): string {
  return r.slackThread?.permalink ? ` · <${r.slackThread.permalink}|open the request>` : '';
}

/** The access section of a Home tab: approvals waiting for me, my temporary access ending soon. Pure. */
export function homeAccessBlocks(view: HomeAccessView): KnownBlock[] | undefined {
  if (view.waiting.length === 0 && view.endingSoon.length === 0) return undefined;
  const blocks: KnownBlock[] = [];
  if (view.waiting.length > 0) blocks.push(section(`*Waiting for your approval* (${view.waiting.length})`));
  for (const r of view.waiting) {
    const until = r.until ? ` until ${escapeInline(r.until)}` : '';
    blocks.push(section(`• <@${r.requester.slackUserId}> asks to join ${group(r)}${until}: ${r.approvals.length}/${r.requiredApprovals} approvals${where(r)}`));
  }
  if (view.endingSoon.length > 0) blocks.push(section('*Your temporary access ending soon*'));
  for (const r of view.endingSoon) {
    const ends = r.expiresAt ? DateTime.fromISO(r.expiresAt, { zone: view.zone }).toFormat('ccc d LLL HH:mm ZZZZ') : escapeInline(r.until ?? '');
    blocks.push(section(`• ${group(r)} ends ${ends}. Ask for more time with \`/k8s-infra access\`.`));
  }
  return blocks;
}
