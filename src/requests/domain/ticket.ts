import type { DnsRequest } from './dns-request.ts';
import type { StagingRequest } from './staging-project.ts';

/** Where a request is: filed → PR open → merged → live → closed (queued until GitHub took it). */
export const TICKET_STATES = ['queued', 'filed', 'pr-open', 'merged', 'live', 'closed'] as const;
export type TicketState = (typeof TICKET_STATES)[number];

export interface OtherRequest {
  title: string;
  description: string;
}

export type TicketSpec = { kind: 'dns'; dns: DnsRequest; existing: string | undefined } | { kind: 'staging'; staging: StagingRequest } | { kind: 'other'; other: OtherRequest };
export type TicketKind = TicketSpec['kind'];

export interface GithubRef {
  number: number;
  url: string;
}

/** A resource request and how far it got. Times are epoch milliseconds. */
export interface Ticket {
  id: string;
  state: TicketState;
  /** Slack user id of whoever asked. */
  requester: string;
  /** Where it was asked, for the thread the issue links back to. */
  channel: string;
  spec: TicketSpec;
  title: string;
  repo: string;
  thread?: { channel: string; ts: string; permalink: string } | undefined;
  issue?: GithubRef | undefined;
  pr?: GithubRef | undefined;
  /** The repository paths the PR edits, and the OWNERS approvers of them (GitHub handles). */
  paths: string[];
  approvers: string[];
  /** Why the PR could not be opened (the issue stays for an admin). */
  prProblem?: string | undefined;
  createdAt: number;
  lastActivityAt: number;
  version: number;
}

export const OPEN_STATES: readonly TicketState[] = ['queued', 'filed', 'pr-open', 'merged', 'live'];

/** The order of the states: a webhook never moves a ticket back. */
export function isAfter(a: TicketState, b: TicketState): boolean {
  return TICKET_STATES.indexOf(a) > TICKET_STATES.indexOf(b);
}

/** What the ticket waits on, for `request list`. */
export function waitingOn(t: Ticket): 'admins' | 'requester' | 'dns' | 'nobody' {
  switch (t.state) {
    case 'queued':
    case 'filed':
    case 'pr-open':
      return 'admins';
    case 'merged':
      return t.spec.kind === 'dns' ? 'dns' : 'admins';
    case 'live':
      return 'admins';
    case 'closed':
      return 'nobody';
  }
}

/** A ticket is idle when nothing happened on it for `idleDays`: its owners are nudged. */
export function isIdle(t: Ticket, nowMs: number, idleDays: number): boolean {
  return (OPEN_STATES as readonly string[]).includes(t.state) && t.state !== 'queued' && nowMs - t.lastActivityAt >= idleDays * 86_400_000;
}
