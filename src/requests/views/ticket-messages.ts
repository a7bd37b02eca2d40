import { escapeInline, escapeMrkdwn } from '../../core/mrkdwn.ts';
import type { OutgoingMessage } from '../../core/notifier.ts';
import { context, section } from '../../platform/slack/blocks.ts';
import { fqdnOf } from '../domain/dns-request.ts';
import { recordYaml } from '../domain/zone-edit.ts';
import type { Ticket } from '../domain/ticket.ts';

/** What the requester is told, one message per step of the ticket. */
export const SAYS = ['queued', 'filed', 'pr-open', 'pr-problem', 'pr-closed', 'merged', 'live', 'not-live', 'closed'] as const;
export type Say = (typeof SAYS)[number];

const link = (url: string, text: string) => `<${url}|${escapeMrkdwn(text)}>`;

/** The request in one line, escaped. */
export function ticketLabel(t: Ticket): string {
  return `\`${t.id}\` ${escapeInline(t.title)}`;
}

/** The existing and the new record, as the issue shows them. */
export function recordsText(t: Ticket): string | undefined {
  if (t.spec.kind !== 'dns') return undefined;
  const d = t.spec.dns;
  const now = t.spec.existing ? `Existing:\n\`\`\`${escapeMrkdwn(t.spec.existing)}\`\`\`` : 'Existing: none (a new record).';
  const next = d.action === 'delete' ? 'New: none (the record is removed).' : `New:\n\`\`\`${escapeMrkdwn(recordYaml({ name: d.name, type: d.type, values: d.values, ttl: d.ttl }))}\`\`\``;
  return `${now}\n${next}`;
}

export function sayText(t: Ticket, say: Say): string {
  const issue = t.issue ? link(t.issue.url, `${t.repo}#${t.issue.number}`) : 'its issue';
  const pr = t.pr ? link(t.pr.url, `${t.repo}#${t.pr.number}`) : 'its pull request';
  switch (say) {
    case 'queued':
      return `:hourglass: Your request ${ticketLabel(t)} is queued: GitHub is not answering. The bot keeps trying and tells you when the issue is filed.`;
    case 'filed':
      return `:ticket: Your request ${ticketLabel(t)} is filed as ${issue}.`;
    case 'pr-open':
      return `:twisted_rightwards_arrows: The pull request for ${ticketLabel(t)} is open: ${pr}. Its approvers are asked to review; please comment \`/lgtm\` on it if it is what you asked for.`;
    case 'pr-problem':
      return `:warning: The bot could not prepare the pull request for ${ticketLabel(t)}: ${escapeMrkdwn(t.prProblem ?? 'unknown reason')}. ${issue} stays open for the admins.`;
    case 'pr-closed':
      return `:x: ${pr} for ${ticketLabel(t)} was closed without merging. ${issue} stays open.`;
    case 'merged':
      return t.spec.kind === 'dns'
        ? `:white_check_mark: ${pr} for ${ticketLabel(t)} is merged. The post-k8sio-dns job applies it; the bot tells you when the name servers answer it.`
        : `:white_check_mark: ${pr} for ${ticketLabel(t)} is merged. The admins apply it and close ${issue}.`;
    case 'live':
      return `:large_green_circle: ${t.spec.kind === 'dns' ? escapeMrkdwn(fqdnOf(t.spec.dns)) : ticketLabel(t)} is live: the name servers answer the new record. Closing ${issue}.`;
    case 'not-live':
      return `:warning: ${pr} for ${ticketLabel(t)} is merged, but the name servers still do not answer the new record after every check. Ask in #wg-k8s-infra whether post-k8sio-dns ran.`;
    case 'closed':
      return `:checkered_flag: ${issue} for ${ticketLabel(t)} is closed.`;
  }
}

export function sayMessage(t: Ticket, say: Say): OutgoingMessage {
  const text = sayText(t, say);
  const records = say === 'filed' ? recordsText(t) : undefined;
  return { text, blocks: [section(text), ...(records ? [section(records)] : [])] };
}

/** The request's thread opener in the requests channel: what is asked and by whom. */
export function threadMessage(t: Ticket): OutgoingMessage {
  const text = `:inbox_tray: <@${t.requester}> asks: ${ticketLabel(t)}`;
  const records = recordsText(t);
  return { text, blocks: [section(text), ...(records ? [section(records)] : []), context(`Request \`${t.id}\` · filed on ${escapeMrkdwn(t.repo)} by the bot`)] };
}

/** A nudge in the thread for the approvers of an idle ticket. */
export function nudgeMessage(t: Ticket, mentions: readonly string[], days: number): OutgoingMessage {
  const who = mentions.length > 0 ? mentions.join(' ') : 'Approvers';
  const where = t.pr ? link(t.pr.url, `${t.repo}#${t.pr.number}`) : t.issue ? link(t.issue.url, `${t.repo}#${t.issue.number}`) : ticketLabel(t);
  const text = `:wave: ${who}: ${ticketLabel(t)} has waited ${days} days with nothing happening on ${where}.`;
  return { text, blocks: [section(text)] };
}
