import { audit } from '../../platform/outbox/effects.ts';
import { fqdnOf } from '../domain/dns-request.ts';
import type { RequestDeps } from './request-deps.ts';
import { tell } from './tell.ts';
import { updateTicket } from './update-ticket.ts';

/** The admin's last step, done by the bot once the record is live: a comment, then the issue closed. */
export async function closeLiveIssue(deps: Pick<RequestDeps, 'tickets' | 'host' | 'clock' | 'once'>, ticketId: string): Promise<void> {
  const t = await deps.tickets.get(ticketId);
  if (!t?.issue || t.state !== 'live') return;
  const what = t.spec.kind === 'dns' ? `${fqdnOf(t.spec.dns)} ${t.spec.dns.type}` : t.title;
  const comments = t.pr ? `#${t.pr.number} is merged and` : '';
  const issue = t.issue.number;
  await deps.once(`requests.closing-comment:${ticketId}`, () => deps.host.comment(issue, `${comments} the zone's name servers now answer ${what} as requested. Closing.`.trim()));
  await deps.host.closeIssue(t.issue.number);
  await updateTicket(deps, ticketId, (cur) => {
    if (cur.state === 'closed') return undefined;
    const now = deps.clock.now();
    return { ticket: { ...cur, state: 'closed', lastActivityAt: now.getTime() }, effects: [tell(ticketId, 'closed', now), audit({ at: now, actor: 'system', action: 'request.closed', subject: `request:${ticketId}`, payload: { issue: cur.issue?.number } })] };
  });
}
