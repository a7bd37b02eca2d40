import { escapeMrkdwn } from '../../core/mrkdwn.ts';
import type { KnownBlock } from '@slack/types';
import { header, messageBlocks, section } from '../../platform/slack/blocks.ts';
import type { Ticket } from '../domain/ticket.ts';
import { ticketLabel } from './ticket-messages.ts';

const STATE_WORD: Record<Ticket['state'], string> = { queued: 'queued', filed: 'filed', 'pr-open': 'PR open', merged: 'merged', live: 'live', closed: 'closed' };

function line(t: Ticket): string {
  const gh = t.pr ?? t.issue;
  const where = gh ? ` · <${gh.url}|${escapeMrkdwn(t.repo)}#${gh.number}>` : '';
  return `• ${ticketLabel(t)} — *${STATE_WORD[t.state]}*${where}`;
}

/** `request list`: the person's requests, and for admins what waits on them. */
export function requestList(mine: readonly Ticket[], queue: readonly Ticket[] | undefined): { text: string; blocks: KnownBlock[] } {
  const blocks: KnownBlock[] = [header('Your requests'), section(mine.length > 0 ? mine.map(line).join('\n') : 'You have no requests. `/k8s-infra request` opens the form.')];
  if (queue) blocks.push(header('Waiting on the admins'), section(queue.length > 0 ? queue.map(line).join('\n') : 'Nothing waits on the admins.'));
  return { text: `${mine.length} request(s) of yours${queue ? `, ${queue.length} waiting on the admins` : ''}`, blocks: messageBlocks(blocks) };
}
