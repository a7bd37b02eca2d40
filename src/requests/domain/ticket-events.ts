import { isAfter, type Ticket, type TicketState } from './ticket.ts';

/** What a GitHub webhook says about an issue or PR, as far as tickets care. */
export interface TicketEvent {
  repo: string;
  number: number;
  what: 'issue-closed' | 'issue-reopened' | 'pr-merged' | 'pr-closed' | 'comment' | 'activity';
  sender: string | undefined;
}

const rec = (v: unknown): Record<string, unknown> | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);

/** The `issues`, `pull_request` and `issue_comment` deliveries a ticket follows; undefined for any other. */
export function parseTicketEvent(event: string, payload: unknown): TicketEvent | undefined {
  const body = rec(payload);
  const repo = rec(body?.repository)?.full_name;
  const action = body?.action;
  const sender = rec(body?.sender)?.login;
  if (!body || typeof repo !== 'string' || typeof action !== 'string') return undefined;
  const base = { repo, sender: typeof sender === 'string' ? sender : undefined };
  if (event === 'issues') {
    const n = rec(body.issue)?.number;
    if (typeof n !== 'number') return undefined;
    return { ...base, number: n, what: action === 'closed' ? 'issue-closed' : action === 'reopened' ? 'issue-reopened' : 'activity' };
  }
  if (event === 'pull_request') {
    const pr = rec(body.pull_request);
    const n = typeof body.number === 'number' ? body.number : pr?.number;
    if (typeof n !== 'number') return undefined;
    if (action === 'closed') return { ...base, number: n, what: pr?.merged === true ? 'pr-merged' : 'pr-closed' };
    return { ...base, number: n, what: 'activity' };
  }
  if (event === 'issue_comment' || event === 'pull_request_review') {
    const n = rec(body.issue)?.number ?? rec(body.pull_request)?.number;
    if (typeof n !== 'number') return undefined;
    return { ...base, number: n, what: action === 'created' || action === 'submitted' ? 'comment' : 'activity' };
  }
  return undefined;
}

/** The state an event moves a ticket to (never back), or undefined when it stays. */
export function nextState(t: Ticket, e: TicketEvent): TicketState | undefined {
  const to = ((): TicketState | undefined => {
    switch (e.what) {
      case 'issue-closed':
        return e.number === t.issue?.number ? 'closed' : undefined;
      case 'pr-merged':
        return e.number === t.pr?.number ? 'merged' : undefined;
      default:
        return undefined;
    }
  })();
  return to && isAfter(to, t.state) ? to : undefined;
}
