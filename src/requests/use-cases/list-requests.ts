import { waitingOn, type Ticket } from '../domain/ticket.ts';
import type { RequestDeps } from './request-deps.ts';

/** The requester's own tickets, and (for admins) the open ones waiting on the admins. */
export async function listRequests(deps: Pick<RequestDeps, 'tickets'>, requester: string, withQueue: boolean): Promise<{ mine: Ticket[]; queue: Ticket[] | undefined }> {
  const mine = await deps.tickets.byRequester(requester, 20);
  const queue = withQueue ? (await deps.tickets.open(100)).filter((t) => waitingOn(t) === 'admins') : undefined;
  return { mine, queue };
}
