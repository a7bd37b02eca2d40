import type { Effect } from '../../platform/outbox/effects.ts';
import type { Ticket } from '../domain/ticket.ts';
import type { RequestDeps } from './request-deps.ts';

/**
 * Applies `change` to the current ticket and saves it with the effects it asks for, re-reading
 * on a concurrent write (a webhook and a job at once). `change` returns undefined for "nothing to do".
 */
export async function updateTicket(
  deps: Pick<RequestDeps, 'tickets'>,
  id: string,
  change: (t: Ticket) => { ticket: Ticket; effects: readonly Effect[] } | undefined,
): Promise<Ticket | undefined> {
  for (let i = 0; i < 5; i++) {
    const before = await deps.tickets.get(id);
    if (!before) return undefined;
    const next = change(before);
    if (!next) return before;
    const saved = await deps.tickets.save(before, next.ticket, next.effects);
    if (saved !== 'conflict') return saved;
  }
  throw new Error(`ticket ${id} kept changing under the update`);
}
