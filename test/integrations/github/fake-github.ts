import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small GitHub REST API on a local port, for the real Octokit client (`baseUrl`): refs,
 * contents, trees, blobs, commits, pull requests, issue comments. Repositories in one fake share
 * their objects, like a fork network. Faults can be injected per request to test retries.
 */

interface Commit {
  sha: string;
  /** path → blob sha */
  files: Map<string, string>;
  message: string;
  parents: string[];
}

export interface FakePull {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  merged: boolean;
  mergedAt: string | null;
  /** `owner/name` of the head repository. */
  headRepo: string;
  headRef: string;
  baseRef: string;
  comments: string[];
}

interface Repo {
  fullName: string;
  defaultBranch: string;
  branches: Map<string, string>;
  pulls: FakePull[];
}

export interface FaultRule {
  method?: string;
  /** Substring of, or pattern for, the decoded request path. */
  path: string | RegExp;
  status?: number;
  /** How many matching requests fail (default 1). */
  times?: number;
  /** Do the work first, then answer with the error (a lost response). */
  after?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.message));
  }
}

const notFound = () => new HttpError(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

function blobShaOf(content: string): string {
  return sha1(`blob ${Buffer.byteLength(content)}\0${content}`);
}

/** GitHub wraps base64 at 60 characters. */
function base64Wrapped(text: string): string {
  return (Buffer.from(text, 'utf8').toString('base64').match(/.{1,60}/g) ?? []).join('\n') + '\n';
}

export class FakeGithub {
  readonly requests: RecordedRequest[] = [];
  private readonly repos = new Map<string, Repo>();
  private readonly commits = new Map<string, Commit>();
  private readonly blobs = new Map<string, string>();
  /** tree sha → the commit and folder it lists */
  private readonly trees = new Map<string, { commit: string; dir: string }>();
  private faults: (FaultRule & { left: number })[] = [];
  private commitCounter = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly token: string | undefined,
  ) {}

  static async start(options: { token?: string } = {}): Promise<FakeGithub> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const fake = new FakeGithub(server, `http://127.0.0.1:${port}`, options.token);
    server.on('request', (req, res) => void fake.handle(req, res));
    return fake;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ── seeding and inspection (for tests) ──

  addRepo(fullName: string, files: Record<string, string>, defaultBranch = 'main'): void {
    const commit = this.addCommit(new Map(Object.entries(files).map(([p, c]) => [p, this.addBlob(c)])), 'initial', []);
    this.repos.set(fullName, { fullName, defaultBranch, branches: new Map([[defaultBranch, commit.sha]]), pulls: [] });
  }

  /** A fork sharing the source's objects, with the same default branch. */
  forkRepo(from: string, to: string): void {
    const source = this.repo(from);
    this.repos.set(to, { fullName: to, defaultBranch: source.defaultBranch, branches: new Map([[source.defaultBranch, source.branches.get(source.defaultBranch)!]]), pulls: [] });
  }

  /** A commit on `branch` changing one file, as if someone pushed. */
  pushFile(fullName: string, branch: string, path: string, content: string): string {
    const repo = this.repo(fullName);
    const head = this.commits.get(repo.branches.get(branch)!)!;
    const commit = this.addCommit(new Map(head.files).set(path, this.addBlob(content)), `update ${path}`, [head.sha]);
    repo.branches.set(branch, commit.sha);
    return commit.sha;
  }

  fileAt(fullName: string, ref: string, path: string): string | undefined {
    const commit = this.resolve(this.repo(fullName), ref);
    const blob = commit?.files.get(path);
    return blob === undefined ? undefined : this.blobs.get(blob);
  }

  branchHead(fullName: string, branch: string): string | undefined {
    return this.repo(fullName).branches.get(branch);
  }

  branches(fullName: string): string[] {
    return [...this.repo(fullName).branches.keys()];
  }

  pullRequests(fullName: string): FakePull[] {
    return this.repo(fullName).pulls;
  }

  /** Merges: the base branch takes the head branch's files. */
  mergePullRequest(fullName: string, number: number, at = '2022-01-31T12:00:00Z'): FakePull {
    const repo = this.repo(fullName);
    const pr = repo.pulls.find((p) => p.number === number && p.state === 'open');
    if (!pr) throw new Error(`no open pull request #${number}`);
    const head = this.commits.get(this.repo(pr.headRepo).branches.get(pr.headRef)!)!;
    const base = repo.branches.get(pr.baseRef)!;
    const merge = this.addCommit(new Map(head.files), `Merge pull request #${number}`, [base, head.sha]);
    repo.branches.set(pr.baseRef, merge.sha);
    Object.assign(pr, { state: 'closed', merged: true, mergedAt: at });
    return pr;
  }

  closePullRequest(fullName: string, number: number): FakePull {
    const pr = this.repo(fullName).pulls.find((p) => p.number === number && p.state === 'open');
    if (!pr) throw new Error(`no open pull request #${number}`);
    Object.assign(pr, { state: 'closed', merged: false });
    return pr;
  }

  /** The `pull_request` webhook payload GitHub sends for this pull request now. */
  pullRequestEvent(fullName: string, number: number, action = 'closed'): Record<string, unknown> {
    const pr = this.repo(fullName).pulls.find((p) => p.number === number);
    if (!pr) throw new Error(`no pull request #${number}`);
    return { action, number, pull_request: this.pullJson(fullName, pr), repository: { full_name: fullName }, sender: { login: 'k8s-ci-robot' } };
  }

  failNext(rule: FaultRule): void {
    this.faults.push({ ...rule, left: rule.times ?? 1 });
  }

  clearFaults(): void {
    this.faults = [];
  }

  /** Requests that changed something (not GET). */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  // ── internals ──

  private repo(fullName: string): Repo {
    const repo = this.repos.get(fullName);
    if (!repo) throw new Error(`fake has no repository ${fullName}`);
    return repo;
  }

  private addBlob(content: string): string {
    const sha = blobShaOf(content);
    this.blobs.set(sha, content);
    return sha;
  }

  private addCommit(files: Map<string, string>, message: string, parents: string[]): Commit {
    const sha = sha1(`commit ${++this.commitCounter} ${message}`);
    const commit = { sha, files, message, parents };
    this.commits.set(sha, commit);
    return commit;
  }

  private resolve(repo: Repo, ref: string | undefined): Commit | undefined {
    const r = ref ?? repo.defaultBranch;
    return this.commits.get(repo.branches.get(r.replace(/^refs\/heads\//, '').replace(/^heads\//, '')) ?? r);
  }

  private treeSha(commit: string, dir: string): string {
    const sha = sha1(`tree ${commit} ${dir}`);
    this.trees.set(sha, { commit, dir });
    return sha;
  }

  private pullJson(baseRepo: string, pr: FakePull): Record<string, unknown> {
    const headOwner = pr.headRepo.split('/')[0];
    return {
      number: pr.number,
      html_url: `https://github.com/${baseRepo}/pull/${pr.number}`,
      url: `${this.url}/repos/${baseRepo}/pulls/${pr.number}`,
      state: pr.state,
      title: pr.title,
      body: pr.body,
      merged: pr.merged,
      merged_at: pr.mergedAt,
      head: { ref: pr.headRef, label: `${headOwner}:${pr.headRef}`, sha: this.repo(pr.headRepo).branches.get(pr.headRef) ?? null, repo: { full_name: pr.headRepo } },
      base: { ref: pr.baseRef, repo: { full_name: baseRepo } },
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    const path = decodeURIComponent(url.pathname);
    const query = Object.fromEntries(url.searchParams);
    let body: unknown = undefined;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    const record: RecordedRequest = { method, path, query, body, status: 0 };
    this.requests.push(record);
    const send = (status: number, payload: unknown) => {
      record.status = status;
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-github-request-id': `FAKE-${this.requests.length}` });
      res.end(payload === undefined ? '' : JSON.stringify(payload));
    };

    if (this.token !== undefined) {
      const auth = req.headers.authorization ?? '';
      if (auth !== `token ${this.token}` && auth !== `Bearer ${this.token}`) return send(401, { message: 'Bad credentials' });
    }
    const fault = this.faults.find((f) => f.left > 0 && (!f.method || f.method === method) && (typeof f.path === 'string' ? path.includes(f.path) : f.path.test(path)));
    if (fault) fault.left--;
    if (fault && !fault.after) return send(fault.status ?? 500, { message: 'Server Error' });
    try {
      const [status, payload] = this.route(method, path, url.searchParams, body);
      if (fault?.after) return send(fault.status ?? 500, { message: 'Server Error' });
      send(status, payload);
    } catch (err) {
      if (err instanceof HttpError) send(err.status, err.body);
      else send(500, { message: (err as Error).message });
    }
  }

  private route(method: string, path: string, q: URLSearchParams, body: unknown): [number, unknown] {
    const m = /^\/repos\/([^/]+)\/([^/]+)\/(.*)$/.exec(path);
    if (!m) throw notFound();
    const fullName = `${m[1]}/${m[2]}`;
    const repo = this.repos.get(fullName);
    if (!repo) throw notFound();
    const rest = m[3]!;
    const input = (body ?? {}) as Record<string, unknown>;
    let p: RegExpExecArray | null;

    if (method === 'GET' && (p = /^git\/ref\/(.+)$/.exec(rest))) {
      const ref = p[1]!;
      const branch = ref.replace(/^heads\//, '');
      const sha = ref.startsWith('heads/') ? repo.branches.get(branch) : undefined;
      if (!sha) throw notFound();
      return [200, { ref: `refs/heads/${branch}`, object: { sha, type: 'commit' } }];
    }
    if (method === 'POST' && rest === 'git/refs') {
      const ref = String(input.ref ?? '');
      const sha = String(input.sha ?? '');
      if (!ref.startsWith('refs/heads/')) throw new HttpError(422, { message: 'Reference update failed' });
      const branch = ref.slice('refs/heads/'.length);
      if (repo.branches.has(branch)) throw new HttpError(422, { message: 'Reference already exists' });
      if (!this.commits.has(sha)) throw new HttpError(422, { message: 'Object does not exist' });
      repo.branches.set(branch, sha);
      return [201, { ref, object: { sha, type: 'commit' } }];
    }
    if (method === 'GET' && (p = /^git\/commits\/([0-9a-f]{40})$/.exec(rest))) {
      const commit = this.commits.get(p[1]!);
      if (!commit) throw notFound();
      return [200, { sha: commit.sha, message: commit.message, tree: { sha: this.treeSha(commit.sha, '') }, parents: commit.parents.map((s) => ({ sha: s })) }];
    }
    if (method === 'GET' && (p = /^git\/trees\/([0-9a-f]{40})$/.exec(rest))) {
      const tree = this.trees.get(p[1]!);
      if (!tree) throw notFound();
      const recursive = q.has('recursive');
      const prefix = tree.dir === '' ? '' : `${tree.dir}/`;
      const entries = new Map<string, Record<string, unknown>>();
      for (const [file, blob] of this.commits.get(tree.commit)!.files) {
        if (!file.startsWith(prefix)) continue;
        const relative = file.slice(prefix.length);
        const parts = relative.split('/');
        for (let depth = 1; depth < parts.length; depth++) {
          const dir = parts.slice(0, depth).join('/');
          if (recursive || depth === 1) entries.set(dir, { path: dir, mode: '040000', type: 'tree', sha: this.treeSha(tree.commit, `${prefix}${dir}`) });
        }
        if (recursive || parts.length === 1) entries.set(relative, { path: relative, mode: '100644', type: 'blob', sha: blob, size: Buffer.byteLength(this.blobs.get(blob)!) });
      }
      return [200, { sha: p[1], tree: [...entries.values()], truncated: false }];
    }
    if (method === 'GET' && (p = /^git\/blobs\/([0-9a-f]{40})$/.exec(rest))) {
      const content = this.blobs.get(p[1]!);
      if (content === undefined) throw notFound();
      return [200, { sha: p[1], size: Buffer.byteLength(content), encoding: 'base64', content: base64Wrapped(content) }];
    }
    if ((p = /^contents\/(.+)$/.exec(rest))) {
      const filePath = p[1]!;
      if (method === 'GET') {
        const commit = this.resolve(repo, q.get('ref') ?? undefined);
        if (!commit) throw new HttpError(404, { message: `No commit found for the ref ${q.get('ref')}` });
        const blob = commit.files.get(filePath);
        if (blob === undefined) throw notFound();
        const content = this.blobs.get(blob)!;
        const name = filePath.slice(filePath.lastIndexOf('/') + 1);
        return [200, { type: 'file', encoding: 'base64', size: Buffer.byteLength(content), name, path: filePath, sha: blob, content: base64Wrapped(content) }];
      }
      if (method === 'PUT') {
        const branch = String(input.branch ?? repo.defaultBranch);
        const headSha = repo.branches.get(branch);
        if (!headSha) throw new HttpError(404, { message: `Branch ${branch} not found` });
        const head = this.commits.get(headSha)!;
        const current = head.files.get(filePath);
        if (current !== undefined && input.sha === undefined) throw new HttpError(422, { message: 'Invalid request.\n\n"sha" wasn\'t supplied.' });
        if (current !== undefined && input.sha !== current) throw new HttpError(409, { message: `${filePath} does not match ${String(input.sha)}` });
        if (typeof input.content !== 'string' || typeof input.message !== 'string') throw new HttpError(422, { message: 'Invalid request.' });
        const blob = this.addBlob(Buffer.from(input.content, 'base64').toString('utf8'));
        const commit = this.addCommit(new Map(head.files).set(filePath, blob), input.message, [headSha]);
        repo.branches.set(branch, commit.sha);
        return [current === undefined ? 201 : 200, { content: { path: filePath, sha: blob }, commit: { sha: commit.sha, message: input.message } }];
      }
    }
    if (rest === 'pulls' && method === 'GET') {
      const state = q.get('state') ?? 'open';
      const head = q.get('head');
      const list = repo.pulls.filter(
        (pr) => (state === 'all' || pr.state === state) && (!head || `${pr.headRepo.split('/')[0]}:${pr.headRef}` === head || (!head.includes(':') && pr.headRef === head)),
      );
      return [200, list.map((pr) => this.pullJson(fullName, pr))];
    }
    if (rest === 'pulls' && method === 'POST') {
      const headSpec = String(input.head ?? '');
      const base = String(input.base ?? '');
      const [headOwner, headRef] = headSpec.includes(':') ? (headSpec.split(':') as [string, string]) : [fullName.split('/')[0]!, headSpec];
      const headRepoName = `${headOwner}/${fullName.split('/')[1]}`;
      const headRepo = this.repos.get(headRepoName);
      const headSha = headRepo?.branches.get(headRef);
      const invalid = (message: string) => new HttpError(422, { message: 'Validation Failed', errors: [{ resource: 'PullRequest', code: 'custom', message }] });
      if (!headSha) throw invalid(`head ${headSpec} does not exist`);
      if (!repo.branches.has(base)) throw invalid(`base ${base} does not exist`);
      if (repo.pulls.some((pr) => pr.state === 'open' && pr.headRepo === headRepoName && pr.headRef === headRef)) {
        throw invalid(`A pull request already exists for ${headOwner}:${headRef}.`);
      }
      if (repo.branches.get(base) === headSha) throw invalid(`No commits between ${base} and ${headRef}`);
      if (typeof input.title !== 'string' || !input.title) throw invalid('title is missing');
      const pr: FakePull = {
        number: repo.pulls.length + 1,
        title: input.title,
        body: typeof input.body === 'string' ? input.body : '',
        state: 'open',
        merged: false,
        mergedAt: null,
        headRepo: headRepoName,
        headRef,
        baseRef: base,
        comments: [],
      };
      repo.pulls.push(pr);
      return [201, this.pullJson(fullName, pr)];
    }
    if ((p = /^pulls\/(\d+)(\/merge)?$/.exec(rest))) {
      const pr = repo.pulls.find((x) => x.number === Number(p![1]));
      if (!pr) throw notFound();
      if (method === 'GET' && !p[2]) return [200, this.pullJson(fullName, pr)];
      if (method === 'PUT' && p[2]) {
        if (pr.state !== 'open') throw new HttpError(405, { message: 'Pull Request is not mergeable' });
        this.mergePullRequest(fullName, pr.number);
        return [200, { merged: true, message: 'Pull Request successfully merged' }];
      }
    }
    if (method === 'POST' && (p = /^issues\/(\d+)\/comments$/.exec(rest))) {
      const pr = repo.pulls.find((x) => x.number === Number(p![1]));
      if (!pr) throw notFound();
      pr.comments.push(String(input.body ?? ''));
      return [201, { id: pr.comments.length, body: input.body }];
    }
    throw notFound();
  }
}

/** `X-Hub-Signature-256` for a webhook body, as GitHub computes it. */
export function signGithubWebhook(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}
