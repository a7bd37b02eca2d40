import type { KnownBlock } from '@slack/types';
import { escapeInline } from '../../core/mrkdwn.ts';
import { actions, button, context, section } from '../../platform/slack/blocks.ts';
import { OWNERS_IDS } from '../ids.ts';

const { actions: a } = OWNERS_IDS;
/** Credentials are shown in full on the nomination post and the issue; a Home tab shows a line. */
const CREDENTIALS_SHOWN = 280;

export interface HomeNominationView {
  id: string;
  subprojectId: string;
  subprojectName: string;
  /** Slack mentions. */
  nominee: string;
  nominator: string;
  credentials: string;
  deadlineAt?: Date;
  issue?: { url: string; number: number };
}

export interface HomeIntentView {
  id: string;
  subprojectId: string;
  subprojectName: string;
  nominator: string;
  deadlineAt?: Date;
}

export interface HomeNominationsView {
  toVote: HomeNominationView[];
  /** Waiting for a vote beyond those listed. */
  moreToVote: number;
  intent: HomeIntentView[];
}

function utc(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function short(text: string): string {
  return text.length > CREDENTIALS_SHOWN ? `${text.slice(0, CREDENTIALS_SHOWN - 1)}…` : text;
}

/**
 * The owners section of a Home tab: nominations waiting for my vote, with the same Support /
 * Object buttons as the channel post (the same action ids and handlers), and my own nominations
 * still missing my statement of intent. Block ids are left to Slack: several nominations share
 * the layout. Pure.
 */
export function homeNominationsBlocks(view: HomeNominationsView): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  if (view.toVote.length > 0) blocks.push(section('*Nominations waiting for your vote*'));
  for (const n of view.toVote) {
    const issue = n.issue ? ` (<${n.issue.url}|issue #${n.issue.number}>)` : '';
    blocks.push(
      section(
        `:ballot_box_with_ballot: ${n.nominee} as an owner of *${escapeInline(n.subprojectName)}* (\`${escapeInline(n.subprojectId)}\`), nominated by ${n.nominator}${issue}\n` +
          `*Credentials:* ${escapeInline(short(n.credentials))}`,
      ),
      context(n.deadlineAt ? `Lazy consensus until ${utc(n.deadlineAt)}: no objection by then accepts it.` : 'Lazy consensus: no objection by the deadline accepts it.'),
      actions(undefined, [
        button({ text: 'Support', actionId: a.voteSupport, value: n.id, style: 'primary' }),
        button({ text: 'Object', actionId: a.voteObject, value: n.id, style: 'danger' }),
      ]),
    );
  }
  if (view.moreToVote > 0) blocks.push(context(`…and ${view.moreToVote} more in the nomination posts of the staffing channel.`));
  for (const n of view.intent) {
    blocks.push(
      section(
        `*Your statement of intent:* ${n.nominator} nominated you as an owner of *${escapeInline(n.subprojectName)}* (\`${escapeInline(n.subprojectId)}\`)` +
          `${n.deadlineAt ? `, decided ${utc(n.deadlineAt)}` : ''}. Say what you will do as an owner, and the time you can give.`,
      ),
      actions(undefined, [button({ text: 'Write my statement of intent', actionId: a.writeIntent, value: `${n.id}|${n.subprojectId}`, style: 'primary' })]),
    );
  }
  return blocks;
}
