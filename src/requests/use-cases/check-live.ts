import type { DnsQueryType } from '../../integrations/dns/dns-client.ts';
import { audit, schedule } from '../../platform/outbox/effects.ts';
import { fqdnOf } from '../domain/dns-request.ts';
import { answersRequest, nextCheckDelaySeconds } from '../domain/live-answer.ts';
import { checkLiveJob } from '../jobs/check-live.ts';
import { closeIssueJob } from '../jobs/close-issue.ts';
import type { RequestDeps } from './request-deps.ts';
import { tell } from './tell.ts';
import { updateTicket } from './update-ticket.ts';

const QUERYABLE: readonly string[] = ['A', 'AAAA', 'CNAME', 'TXT'];

/** One look at the name servers for a merged DNS ticket: live, or another look later (bounded). */
export async function checkLive(deps: Pick<RequestDeps, 'tickets' | 'dns' | 'settings' | 'clock'>, ticketId: string, check: number, signal: AbortSignal): Promise<void> {
  const t = await deps.tickets.get(ticketId);
  if (!t || t.state !== 'merged' || t.spec.kind !== 'dns') return;
  const d = t.spec.dns;
  if (!QUERYABLE.includes(d.type)) return;
  const deadline = AbortSignal.any([signal, AbortSignal.timeout(deps.settings.live.timeoutMs)]);
  const answer = await deps.dns.query(fqdnOf(d), d.type as DnsQueryType, deadline).catch((err: unknown) => ({ kind: 'failed' as const, reason: err instanceof Error ? err.message : String(err) }));
  const live = answersRequest(d, answer);
  await updateTicket(deps, ticketId, (cur) => {
    if (cur.state !== 'merged') return undefined;
    const now = deps.clock.now();
    if (live) {
      return {
        ticket: { ...cur, state: 'live', lastActivityAt: now.getTime() },
        effects: [
          tell(ticketId, 'live', now),
          schedule(closeIssueJob.request({ id: `requests.close-issue:${ticketId}`, dueAt: now, payload: { ticketId } })),
          audit({ at: now, actor: 'system', action: 'request.live', subject: `request:${ticketId}`, payload: { check, answer } }),
        ],
      };
    }
    if (check >= deps.settings.live.maxChecks) {
      return { ticket: cur, effects: [tell(ticketId, 'not-live', now), audit({ at: now, actor: 'system', action: 'request.not-live', subject: `request:${ticketId}`, payload: { checks: check, answer } })] };
    }
    const delay = nextCheckDelaySeconds(check, deps.settings.live.firstCheckSeconds, deps.settings.live.maxCheckSeconds);
    return { ticket: cur, effects: [schedule(checkLiveJob.request({ id: `requests.check-live:${ticketId}:${check + 1}`, dueAt: new Date(now.getTime() + delay * 1000), payload: { ticketId, check: check + 1 } }))] };
  });
}
