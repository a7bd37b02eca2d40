import type { Ticket } from '../domain/ticket.ts';
import { sayMessage, type Say } from '../views/ticket-messages.ts';
import type { RequestDeps } from './request-deps.ts';

/** A DM to the requester about their ticket, keyed so a retry never shows it twice. */
export async function sayToRequester(deps: Pick<RequestDeps, 'tickets' | 'notifier'>, ticketId: string, say: Say, key: string, attempt: number): Promise<void> {
  const ticket: Ticket | undefined = await deps.tickets.get(ticketId);
  if (!ticket) return;
  await deps.notifier.dm(ticket.requester, sayMessage(ticket, say), { key, checkFirst: attempt > 1 });
}
