import { deliverOnce } from '../../platform/outbox/effects.ts';
import { sayJob } from '../jobs/say.ts';
import type { Say } from '../views/ticket-messages.ts';

/** The effect that tells the requester `say` about the ticket, once however often the step is retried. */
export function tell(ticketId: string, say: Say, now: Date) {
  const key = `requests.say:${ticketId}:${say}`;
  return deliverOnce(key, sayJob.request({ id: key, dueAt: now, payload: { ticketId, say } }));
}
