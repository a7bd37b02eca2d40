import type { Effect } from '../../platform/outbox/effects.ts';
import type { Ticket } from '../domain/ticket.ts';

/** Where tickets live; every write commits with its effects (jobs, audit) or not at all. */
export interface TicketStore {
  /** False when a ticket with this id exists (a retried submission). */
  create(ticket: Ticket, effects: readonly Effect[]): Promise<boolean>;
  get(id: string): Promise<Ticket | undefined>;
  /** The ticket whose issue or PR this is. */
  byGithub(repo: string, number: number): Promise<Ticket | undefined>;
  byRequester(requester: string, limit: number): Promise<Ticket[]>;
  open(limit: number): Promise<Ticket[]>;
  /** Writes `after` if the ticket is still at `before.version`. */
  save(before: Ticket, after: Ticket, effects: readonly Effect[]): Promise<Ticket | 'conflict'>;
}
