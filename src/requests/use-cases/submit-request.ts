import { audit, schedule } from '../../platform/outbox/effects.ts';
import type { Ticket, TicketSpec } from '../domain/ticket.ts';
import { fileTicketJob } from '../jobs/file-ticket.ts';
import type { RequestDeps } from './request-deps.ts';

/**
 * Saves a checked request as a queued ticket with the job that files it: the modal closes at
 * once, GitHub is reached after (and retried when it is down). The same submission twice (Slack
 * retrying) is one ticket.
 */
export async function submitRequest(deps: Pick<RequestDeps, 'tickets' | 'clock' | 'settings'>, input: { id: string; requester: string; channel: string; spec: TicketSpec; title: string }): Promise<{ ticket: Ticket; created: boolean }> {
  const now = deps.clock.now();
  const ticket: Ticket = {
    id: input.id,
    state: 'queued',
    requester: input.requester,
    channel: input.channel,
    spec: input.spec,
    title: input.title,
    repo: deps.settings.repo,
    paths: [],
    approvers: [],
    createdAt: now.getTime(),
    lastActivityAt: now.getTime(),
    version: 1,
  };
  const created = await deps.tickets.create(ticket, [
    schedule(fileTicketJob.request({ id: `requests.file:${input.id}`, dueAt: now, payload: { ticketId: input.id } })),
    audit({ at: now, actor: input.requester, action: 'request.submitted', subject: `request:${input.id}`, payload: { kind: input.spec.kind, title: input.title } }),
  ]);
  return { ticket: created ? ticket : ((await deps.tickets.get(input.id)) ?? ticket), created };
}
