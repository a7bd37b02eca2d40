import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A GitHub issues REST API on a local port for the real Octokit client; `outage` answers 503. */
export interface FakeIssue {
  number: number;
  repo: string;
  title: string;
  body: string;
  labels: string[];
  state: 'open' | 'closed';
  stateReason: string | null;
  comments: string[];
}

export interface FakeGithubIssues {
  url: string;
  issues: FakeIssue[];
  requests: { method: string; path: string; status: number }[];
  /** While true every request gets 503 (a GitHub outage). */
  outage: boolean;
  issue(number: number): FakeIssue | undefined;
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

export async function startFakeGithubIssues(): Promise<FakeGithubIssues> {
  const issues: FakeIssue[] = [];
  const requests: FakeGithubIssues['requests'] = [];
  let base = '';
  const state = { outage: false };
  const out = (i: FakeIssue) => ({
    number: i.number, title: i.title, body: i.body, state: i.state, state_reason: i.stateReason,
    labels: i.labels.map((name) => ({ name })), html_url: `https://github.com/${i.repo}/issues/${i.number}`,
    url: `${base}/repos/${i.repo}/issues/${i.number}`, comments: i.comments.length,
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<number> {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
      return status;
    };
    if (state.outage) return send(503, { message: 'Service Unavailable' });
    if (!/^(token|bearer) /i.test(req.headers.authorization ?? '')) return send(401, { message: 'Requires authentication' });
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const m = /^\/repos\/([^/]+\/[^/]+)\/issues(?:\/(\d+))?(\/comments)?$/.exec(path);
    if (!m) return send(404, { message: 'Not Found' });
    const repo = m[1] ?? '';
    const number = m[2] ? Number(m[2]) : undefined;
    const body = req.method === 'GET' ? {} : await readJson(req);
    if (number === undefined) {
      if (req.method !== 'POST') return send(405, { message: 'method' });
      if (typeof body.title !== 'string' || !body.title) return send(422, { message: 'Validation Failed', errors: [{ field: 'title', code: 'missing_field' }] });
      const issue: FakeIssue = {
        number: issues.length + 1, repo, title: body.title, body: typeof body.body === 'string' ? body.body : '',
        labels: Array.isArray(body.labels) ? body.labels.map(String) : [], state: 'open', stateReason: null, comments: [],
      };
      issues.push(issue);
      return send(201, out(issue));
    }
    const issue = issues.find((i) => i.repo === repo && i.number === number);
    if (!issue) return send(404, { message: 'Not Found' });
    if (m[3]) {
      if (req.method !== 'POST' || typeof body.body !== 'string') return send(422, { message: 'Validation Failed' });
      issue.comments.push(body.body);
      return send(201, { id: issue.comments.length, body: body.body });
    }
    if (req.method === 'GET') return send(200, out(issue));
    if (req.method === 'PATCH') {
      if (body.state === 'closed' || body.state === 'open') issue.state = body.state;
      if (typeof body.state_reason === 'string') issue.stateReason = body.state_reason;
      return send(200, out(issue));
    }
    return send(405, { message: 'method' });
  }

  const server: Server = createServer((req, res) => {
    void handle(req, res).then(
      (status) => requests.push({ method: req.method ?? '', path: req.url ?? '', status }),
      () => {
        res.writeHead(500);
        res.end();
      },
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    issues,
    requests,
    get outage() {
      return state.outage;
    },
    set outage(v: boolean) {
      state.outage = v;
    },
    issue: (n) => issues.find((i) => i.number === n),
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
