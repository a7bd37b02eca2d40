import type { RequestDeps } from './request-deps.ts';
import { tell } from './tell.ts';

/** A ticket GitHub did not take yet (still queued): the requester is told once that it waits. */
export async function tellQueued(deps: Pick<RequestDeps, 'tickets' | 'db' | 'commit' | 'clock' | 'log'>, ticketId: string): Promise<void> {
  const t = await deps.tickets.get(ticketId);
  if (!t || t.state !== 'queued') return;
  try {
    await deps.commit(deps.db, async (_trx, now) => ({ result: undefined, effects: [tell(ticketId, 'queued', now)] }));
  } catch (err) {
    deps.log.warn({ err, ticketId }, 'requests: could not queue the "queued" notice');
  }
}
