/** The webhook deliveries a change listens to, read from GitHub's payloads (anything else is undefined). */
export type ChangeGithubEvent =
  | { kind: 'comment'; repo: string; number: number; onPullRequest: boolean; body: string; login: string; commentId: string }
  | { kind: 'issue-closed'; repo: string; number: number; login: string }
  | { kind: 'pr-closed'; repo: string; number: number; merged: boolean; login: string };

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);

export function parseChangeGithubEvent(event: string, payload: unknown): ChangeGithubEvent | undefined {
  const body = obj(payload);
  const repo = str(obj(body?.repository)?.full_name);
  const login = str(obj(body?.sender)?.login) ?? 'someone';
  if (!body || !repo) return undefined;
  if (event === 'issue_comment' && body.action === 'created') {
    const issue = obj(body.issue);
    const comment = obj(body.comment);
    const number = num(issue?.number);
    const text = str(comment?.body);
    const author = str(obj(comment?.user)?.login) ?? login;
    if (number === undefined || text === undefined) return undefined;
    const id = comment?.id;
    return { kind: 'comment', repo, number, onPullRequest: issue?.pull_request !== undefined, body: text, login: author, commentId: typeof id === 'number' || typeof id === 'string' ? String(id) : '' };
  }
  if (event === 'issues' && body.action === 'closed') {
    const number = num(obj(body.issue)?.number);
    return number === undefined ? undefined : { kind: 'issue-closed', repo, number, login };
  }
  if (event === 'pull_request' && body.action === 'closed') {
    const pr = obj(body.pull_request);
    const number = num(body.number) ?? num(pr?.number);
    return number === undefined ? undefined : { kind: 'pr-closed', repo, number, merged: pr?.merged === true, login };
  }
  return undefined;
}
