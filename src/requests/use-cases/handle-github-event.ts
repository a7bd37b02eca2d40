import type { GithubEventOutcome } from '../../platform/capability.ts';
import { audit, schedule, type Effect } from '../../platform/outbox/effects.ts';
import { nextState, parseTicketEvent } from '../domain/ticket-events.ts';
import { checkLiveJob } from '../jobs/check-live.ts';
import type { RequestDeps } from './request-deps.ts';
import { scheduleNudge } from './schedule-nudge.ts';
import { tell } from './tell.ts';
import { updateTicket } from './update-ticket.ts';

/**
 * A GitHub delivery moves the ticket it is about: merged → (DNS) the live checks start; the issue
 * closed → closed; anything else is activity that resets the idle clock. An issue the bot did not
 * file is ignored, and audited.
 */
export async function handleGithubEvent(deps: Pick<RequestDeps, 'tickets' | 'settings' | 'clock' | 'audit'>, event: string, payload: unknown): Promise<GithubEventOutcome> {
  const e = parseTicketEvent(event, payload);
  if (!e || e.repo.toLowerCase() !== deps.settings.repo.toLowerCase()) return { handled: false };
  const ticket = await deps.tickets.byGithub(e.repo, e.number);
  const now = deps.clock.now();
  if (!ticket) {
    if (event === 'issues') await deps.audit.record({ at: now, actor: e.sender ?? 'github', action: 'request.webhook-ignored', subject: `github:${e.repo}#${e.number}`, payload: { event, what: e.what, reason: 'not an issue the bot filed' } });
    return { handled: false };
  }
  let outcome = 'activity';
  await updateTicket(deps, ticket.id, (cur) => {
    const to = nextState(cur, e);
    const effects: Effect[] = [];
    if (to) {
      outcome = to;
      effects.push(tell(cur.id, to === 'merged' ? 'merged' : 'closed', now), audit({ at: now, actor: e.sender ?? 'github', action: `request.${to}`, subject: `request:${cur.id}`, payload: { number: e.number } }));
      if (to === 'merged' && cur.spec.kind === 'dns') {
        effects.push(schedule(checkLiveJob.request({ id: `requests.check-live:${cur.id}:1`, dueAt: new Date(now.getTime() + deps.settings.live.firstCheckSeconds * 1000), payload: { ticketId: cur.id, check: 1 } })));
      }
    } else if (e.what === 'pr-closed' && e.number === cur.pr?.number) {
      outcome = 'pr-closed';
      effects.push(tell(cur.id, 'pr-closed', now));
    }
    if (to !== 'closed') effects.push(scheduleNudge(cur.id, now.getTime(), deps.settings.idleDays));
    return { ticket: { ...cur, ...(to ? { state: to } : {}), lastActivityAt: now.getTime() }, effects };
  });
  return { handled: true, outcome: `requests: ${ticket.id}:${outcome}` };
}
