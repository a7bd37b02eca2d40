import { escapeInline } from '../../core/mrkdwn.ts';
import { actions, button, context, section } from '../../platform/slack/blocks.ts';
import type { KnownBlock } from '@slack/types';
import type { ContactDetails } from '../domain/contact.ts';
import type { RevealContext } from '../domain/contact-policy.ts';
import { OWNERS_IDS } from '../ids.ts';

export interface Message {
  text: string;
  blocks: KnownBlock[];
}

/** What a button carries: whose details, through which open page or incident. */
export function revealValue(target: string, c: Pick<RevealContext, 'kind' | 'id'>): string {
  return JSON.stringify({ t: target, k: c.kind, i: c.id });
}

/** The details themselves: only in the ephemeral answer to an allowed reveal. */
export function revealedMessage(mention: string, details: ContactDetails, why: string): Message {
  const lines = [
    `*Phone:* ${details.phone ? escapeInline(details.phone) : '_none given_'}`,
    `*Alternate e-mails:* ${details.alternateEmails.length ? details.alternateEmails.map(escapeInline).join(', ') : '_none given_'}`,
    ...(details.timezone ? [`*Timezone:* ${escapeInline(details.timezone)}`] : []),
    ...(details.workingHours ? [`*Working hours:* ${details.workingHours.days.join(', ')} ${details.workingHours.start}–${details.workingHours.end}`] : []),
    `*Preferred order:* ${details.order.join(' → ')}`,
  ];
  return {
    text: `Contact details of ${mention}`,
    blocks: [section(`:telephone_receiver: Contact details of ${mention}\n${lines.join('\n')}`), context(`${why} This reveal is recorded and ${mention} has been told.`)],
  };
}

/** A responder asking: one Reveal button per open page or incident that lets them. */
export function revealChoicesMessage(target: string, mention: string, contexts: readonly RevealContext[]): Message {
  return {
    text: `Reveal the contact details of ${mention}?`,
    blocks: [
      section(`You may reveal the contact details of ${mention} while ${contexts.length === 1 ? 'this is' : 'these are'} open. The reveal is written on its timeline and ${mention} is told.`),
      // One block per button: an action id may appear once per block.
      ...contexts.slice(0, 5).map((c) => actions(undefined, [button({ text: `Reveal contact (${c.label})`, actionId: OWNERS_IDS.actions.reveal, value: revealValue(target, c), style: 'danger' })])),
    ],
  };
}

/** A lead outside any page or incident: they may, with a stated reason. */
export function leadRevealMessage(target: string, mention: string): Message {
  return {
    text: `No open page or incident involves ${mention}.`,
    blocks: [
      section(`No open page or incident involves ${mention}. As a lead you may reveal their contact details with a stated reason; it is recorded and ${mention} is told.`),
      actions(undefined, [button({ text: 'Reveal with a reason', actionId: OWNERS_IDS.actions.revealAsLead, value: JSON.stringify({ t: target }), style: 'danger' })]),
    ],
  };
}

export function refusedRevealText(mention: string, pageHint: string): string {
  return (
    `:no_entry: You may not see the contact details of ${mention}. They are shown only to the responders of an open page or incident involving them ` +
    `(the people it notified, its commander, the leads), and to a lead with a stated reason. To reach them, page their subproject: ${pageHint}`
  );
}

/** On the page's or incident's timeline, and in the DM to the person: which details, never their values. */
export function revealNoteText(actorMention: string, targetMention: string, kinds: string, label: string): string {
  return `${actorMention} revealed ${targetMention}'s ${kinds} for ${label}`;
}

export function revealDmText(actorMention: string, kinds: string, why: string): string {
  return `:eyes: ${actorMention} revealed your ${kinds}: ${why}. If this looks wrong, tell the group's leads.`;
}
