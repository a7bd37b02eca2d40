import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small GitHub REST API on a local port, for the real Octokit client (`baseUrl`): refs,
 * contents, trees, blobs, commits (read, and made through the Git Data API), pull requests (files, reviewers, merges), issues (labels,
 * comments, closing), and the issues list filtered the way the bot searches it. Repositories in
 * one fake share their objects, like a fork network. Issues and pull requests share one number
 * sequence per repository, as on GitHub. Faults can be injected per request to test retries,
 * including answers lost after the work was done, and a whole outage.
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
  /** Commit sha of the base branch when the pull request was opened (its files are the diff against it). */
  baseSha: string;
  requestedReviewers: string[];
  labels: string[];
  author: string;
}

export interface FakeIssue {
  number: number;
  repo: string;
  title: string;
  body: string;
  labels: string[];
  assignees: string[];
  state: 'open' | 'closed';
  stateReason: string | null;
  comments: string[];
  /** Login of whoever opened it (the token's user for the bot). */
  author: string;
}

interface Repo {
  fullName: string;
  defaultBranch: string;
  branches: Map<string, string>;
  pulls: FakePull[];
  issues: FakeIssue[];
  nextNumber: number;
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
  /** Do the work first, then drop the connection without answering (GitHub did it; the client cannot know). */
  drop?: boolean;
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
  private readonly trees = new Map<string, { commit: string; dir: string } | { files: Map<string, string> }>();
  private faults: (FaultRule & { left: number })[] = [];
  private commitCounter = 0;

  /** While true every request is answered 503 (a GitHub outage). */
  outage = false;

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly token: string | undefined,
    /** The login the token belongs to: author of what the bot opens. */
    readonly login: string,
  ) {}

  static async start(options: { token?: string; login?: string } = {}): Promise<FakeGithub> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const fake = new FakeGithub(server, `http://127.0.0.1:${port}`, options.token, options.login ?? 'k8s-infra-bot');
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
    this.repos.set(fullName, { fullName, defaultBranch, branches: new Map([[defaultBranch, commit.sha]]), pulls: [], issues: [], nextNumber: 1 });
  }

  /** A fork sharing the source's objects, with the same default branch. */
  forkRepo(from: string, to: string): void {
    const source = this.repo(from);
    this.repos.set(to, { fullName: to, defaultBranch: source.defaultBranch, branches: new Map([[source.defaultBranch, source.branches.get(source.defaultBranch)!]]), pulls: [], issues: [], nextNumber: 1 });
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

  issues(fullName: string): FakeIssue[] {
    return this.repo(fullName).issues;
  }

  issue(fullName: string, number: number): FakeIssue | undefined {
    return this.repo(fullName).issues.find((i) => i.number === number);
  }

  /** An issue opened by someone else (e.g. by hand, before the bot existed). */
  addIssue(fullName: string, issue: { title: string; body?: string; labels?: string[]; author?: string }): FakeIssue {
    const repo = this.repo(fullName);
    const created: FakeIssue = { number: repo.nextNumber++, repo: fullName, title: issue.title, body: issue.body ?? '', labels: issue.labels ?? [], assignees: [], state: 'open', stateReason: null, comments: [], author: issue.author ?? 'someone' };
    repo.issues.push(created);
    return created;
  }

  /** The `issues` webhook payload GitHub sends for this issue now. */
  issueEvent(fullName: string, number: number, action = 'closed'): Record<string, unknown> {
    const issue = this.issue(fullName, number);
    if (!issue) throw new Error(`no issue #${number}`);
    return { action, issue: this.issueJson(issue), repository: { full_name: fullName }, sender: { login: 'someone' } };
  }

  /** The `issue_comment` webhook payload for a new comment on an issue or pull request. */
  commentEvent(fullName: string, number: number, body: string, login: string): Record<string, unknown> {
    const repo = this.repo(fullName);
    const issue = repo.issues.find((i) => i.number === number);
    const pr = repo.pulls.find((x) => x.number === number);
    if (issue) issue.comments.push(body);
    else if (pr) pr.comments.push(body);
    else throw new Error(`no issue or pull request #${number}`);
    const subject = issue ? this.issueJson(issue) : { ...this.issueJson(this.pullAsIssue(fullName, pr!)), pull_request: { url: `${this.url}/repos/${fullName}/pulls/${number}` } };
    return { action: 'created', issue: subject, comment: { body, user: { login } }, repository: { full_name: fullName }, sender: { login } };
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

  /** Files changed by a pull request from someone's fork, for tests that read a PR's diff. */
  openPullRequestWith(
    fullName: string,
    change: { branch: string; files: Record<string, string | null>; title: string; body?: string; author?: string; /** Head repository (a fork; made when missing). */ fromFork?: string },
  ): FakePull {
    const repo = this.repo(fullName);
    if (change.fromFork && !this.repos.has(change.fromFork)) this.forkRepo(fullName, change.fromFork);
    const headRepo = change.fromFork ? this.repo(change.fromFork) : repo;
    const baseSha = repo.branches.get(repo.defaultBranch)!;
    const base = this.commits.get(baseSha)!;
    const files = new Map(base.files);
    for (const [path, content] of Object.entries(change.files)) {
      if (content === null) files.delete(path);
      else files.set(path, this.addBlob(content));
    }
    const commit = this.addCommit(files, change.title, [baseSha]);
    headRepo.branches.set(change.branch, commit.sha);
    const pr: FakePull = {
      number: repo.nextNumber++, title: change.title, body: change.body ?? '', state: 'open', merged: false, mergedAt: null,
      headRepo: headRepo.fullName, headRef: change.branch, baseRef: repo.defaultBranch, comments: [], baseSha, requestedReviewers: [], labels: [], author: change.author ?? 'someone',
    };
    repo.pulls.push(pr);
    return pr;
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

  private isAncestor(ancestor: string, of: string): boolean {
    const queue = [of];
    for (let sha = queue.shift(); sha !== undefined; sha = queue.shift()) {
      if (sha === ancestor) return true;
      queue.push(...(this.commits.get(sha)?.parents ?? []));
    }
    return false;
  }

  /** path → blob sha of a tree (a commit's root, or one a client made), paths from the repository root. */
  private filesOfTree(tree: { commit: string; dir: string } | { files: Map<string, string> }): Map<string, string> {
    if ('files' in tree) return tree.files;
    if (tree.dir !== '') throw new HttpError(422, { message: 'base_tree must be a root tree' });
    return this.commits.get(tree.commit)!.files;
  }

  private treeSha(commit: string, dir: string): string {
    const sha = sha1(`tree ${commit} ${dir}`);
    this.trees.set(sha, { commit, dir });
    return sha;
  }

  private issueJson(i: FakeIssue): Record<string, unknown> {
    return {
      number: i.number,
      title: i.title,
      body: i.body,
      state: i.state,
      state_reason: i.stateReason,
      labels: i.labels.map((name) => ({ name })),
      assignees: i.assignees.map((login) => ({ login })),
      user: { login: i.author },
      html_url: `https://github.com/${i.repo}/issues/${i.number}`,
      url: `${this.url}/repos/${i.repo}/issues/${i.number}`,
      comments: i.comments.length,
    };
  }

  /** GitHub lists pull requests among issues; this is a pull request as the issues API shows it. */
  private pullAsIssue(repo: string, pr: FakePull): FakeIssue {
    return { number: pr.number, repo, title: pr.title, body: pr.body, labels: pr.labels, assignees: [], state: pr.state, stateReason: null, comments: pr.comments, author: pr.author };
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
      user: { login: pr.author },
      labels: pr.labels.map((name) => ({ name })),
      requested_reviewers: pr.requestedReviewers.map((login) => ({ login })),
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

    if (this.outage) return send(503, { message: 'Service Unavailable' });
    if (this.token !== undefined) {
      const auth = req.headers.authorization ?? '';
      if (auth !== `token ${this.token}` && auth !== `Bearer ${this.token}`) return send(401, { message: 'Bad credentials' });
    }
    const fault = this.faults.find((f) => f.left > 0 && (!f.method || f.method === method) && (typeof f.path === 'string' ? path.includes(f.path) : f.path.test(path)));
    if (fault) fault.left--;
    if (fault && !fault.after && !fault.drop) return send(fault.status ?? 500, { message: 'Server Error' });
    try {
      const [status, payload] = this.route(method, path, url.searchParams, body);
      if (fault?.drop) {
        record.status = -1;
        req.socket.destroy();
        return;
      }
      if (fault?.after) return send(fault.status ?? 500, { message: 'Server Error' });
      send(status, payload);
    } catch (err) {
      if (err instanceof HttpError) send(err.status, err.body);
      else send(500, { message: (err as Error).message });
    }
  }

  private route(method: string, path: string, q: URLSearchParams, body: unknown): [number, unknown] {
    // The token's own user, as `GET /user` answers it.
    if (method === 'GET' && path === '/user') return [200, { login: this.login, id: 1, type: 'Bot' }];
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
    if (method === 'PATCH' && (p = /^git\/refs\/heads\/(.+)$/.exec(rest))) {
      const branch = p[1]!;
      const sha = String(input.sha ?? '');
      const current = repo.branches.get(branch);
      if (!current) throw new HttpError(422, { message: 'Reference does not exist' });
      if (!this.commits.has(sha)) throw new HttpError(422, { message: 'Object does not exist' });
      if (input.force !== true && !this.isAncestor(current, sha)) throw new HttpError(422, { message: 'Update is not a fast forward' });
      repo.branches.set(branch, sha);
      return [200, { ref: `refs/heads/${branch}`, object: { sha, type: 'commit' } }];
    }
    if (method === 'GET' && (p = /^git\/commits\/([0-9a-f]{40})$/.exec(rest))) {
      const commit = this.commits.get(p[1]!);
      if (!commit) throw notFound();
      return [200, { sha: commit.sha, message: commit.message, tree: { sha: this.treeSha(commit.sha, '') }, parents: commit.parents.map((s) => ({ sha: s })) }];
    }
    if (method === 'GET' && (p = /^git\/trees\/([0-9a-f]{40})$/.exec(rest))) {
      const tree = this.trees.get(p[1]!);
      if (!tree || !('commit' in tree)) throw notFound();
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
    if (method === 'POST' && rest === 'git/trees') {
      // A tree made by the client: the base tree's files with entries replaced (content or blob sha) or deleted (sha null).
      const baseTree = typeof input.base_tree === 'string' ? this.trees.get(input.base_tree) : undefined;
      if (typeof input.base_tree === 'string' && !baseTree) throw new HttpError(422, { message: 'base_tree is not a valid tree' });
      const files = new Map(baseTree ? this.filesOfTree(baseTree) : []);
      for (const entry of Array.isArray(input.tree) ? (input.tree as Record<string, unknown>[]) : []) {
        const path = String(entry.path ?? '');
        if (entry.sha === null) files.delete(path);
        else if (typeof entry.content === 'string') files.set(path, this.addBlob(entry.content));
        else if (typeof entry.sha === 'string' && this.blobs.has(entry.sha)) files.set(path, entry.sha);
        else throw new HttpError(422, { message: `tree entry ${path} has neither content nor a known sha` });
      }
      const sha = sha1(`tree ${[...files].sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, blob]) => `${path}:${blob}`).join(',')}`);
      this.trees.set(sha, { files });
      return [201, { sha, truncated: false }];
    }
    if (method === 'POST' && rest === 'git/commits') {
      const tree = typeof input.tree === 'string' ? this.trees.get(input.tree) : undefined;
      if (!tree) throw new HttpError(422, { message: 'tree is not a valid tree' });
      const parents = Array.isArray(input.parents) ? input.parents.map(String) : [];
      if (parents.some((sha) => !this.commits.has(sha))) throw new HttpError(422, { message: 'parent is not a valid commit' });
      if (typeof input.message !== 'string' || !input.message) throw new HttpError(422, { message: 'message is missing' });
      const commit = this.addCommit(new Map(this.filesOfTree(tree)), input.message, parents);
      return [201, { sha: commit.sha, message: commit.message, tree: { sha: input.tree }, parents: parents.map((sha) => ({ sha })) }];
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
        number: repo.nextNumber++,
        title: input.title,
        body: typeof input.body === 'string' ? input.body : '',
        state: 'open',
        merged: false,
        mergedAt: null,
        headRepo: headRepoName,
        headRef,
        baseRef: base,
        comments: [],
        baseSha: repo.branches.get(base)!,
        requestedReviewers: [],
        labels: [],
        author: this.login,
      };
      repo.pulls.push(pr);
      return [201, this.pullJson(fullName, pr)];
    }
    if ((p = /^pulls\/(\d+)\/files$/.exec(rest)) && method === 'GET') {
      const pr = repo.pulls.find((x) => x.number === Number(p![1]));
      if (!pr) throw notFound();
      const before = this.commits.get(pr.baseSha)!.files;
      const after = this.commits.get(this.repo(pr.headRepo).branches.get(pr.headRef)!)!.files;
      const changed: Record<string, unknown>[] = [];
      for (const path of [...new Set([...before.keys(), ...after.keys()])].sort()) {
        const a = before.get(path);
        const b = after.get(path);
        if (a === b) continue;
        changed.push({ filename: path, status: a === undefined ? 'added' : b === undefined ? 'removed' : 'modified', sha: b ?? a, patch: undefined });
      }
      const page = Number(q.get('page') ?? '1');
      const per = Number(q.get('per_page') ?? '30');
      return [200, changed.slice((page - 1) * per, page * per)];
    }
    if ((p = /^pulls\/(\d+)\/requested_reviewers$/.exec(rest)) && method === 'POST') {
      const pr = repo.pulls.find((x) => x.number === Number(p![1]));
      if (!pr) throw notFound();
      const reviewers = Array.isArray(input.reviewers) ? input.reviewers.map(String) : [];
      for (const r of reviewers) if (!pr.requestedReviewers.includes(r)) pr.requestedReviewers.push(r);
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
    if ((p = /^issues\/(\d+)\/comments$/.exec(rest))) {
      const n = Number(p[1]);
      const target = repo.issues.find((i) => i.number === n) ?? repo.pulls.find((x) => x.number === n);
      if (!target) throw notFound();
      if (method === 'GET') return [200, target.comments.map((c, i) => ({ id: i + 1, body: c, user: { login: this.login } }))];
      if (method === 'POST') {
        if (typeof input.body !== 'string' || input.body === '') throw new HttpError(422, { message: 'Validation Failed', errors: [{ field: 'body', code: 'missing_field' }] });
        target.comments.push(input.body);
        return [201, { id: target.comments.length, body: input.body, user: { login: this.login } }];
      }
    }
    if ((p = /^issues\/(\d+)\/labels$/.exec(rest)) && method === 'POST') {
      const n = Number(p[1]);
      const target = repo.issues.find((i) => i.number === n) ?? repo.pulls.find((x) => x.number === n);
      if (!target) throw notFound();
      const labels = Array.isArray(input.labels) ? input.labels.map(String) : [];
      for (const l of labels) if (!target.labels.includes(l)) target.labels.push(l);
      return [200, target.labels.map((name) => ({ name }))];
    }
    if (rest === 'issues' && method === 'POST') {
      if (typeof input.title !== 'string' || !input.title) throw new HttpError(422, { message: 'Validation Failed', errors: [{ resource: 'Issue', field: 'title', code: 'missing_field' }] });
      const issue: FakeIssue = {
        number: repo.nextNumber++,
        repo: fullName,
        title: input.title,
        body: typeof input.body === 'string' ? input.body : '',
        labels: Array.isArray(input.labels) ? input.labels.map(String) : [],
        assignees: Array.isArray(input.assignees) ? input.assignees.map(String) : [],
        state: 'open',
        stateReason: null,
        comments: [],
        author: this.login,
      };
      repo.issues.push(issue);
      return [201, this.issueJson(issue)];
    }
    if (rest === 'issues' && method === 'GET') {
      const state = q.get('state') ?? 'open';
      const labels = (q.get('labels') ?? '').split(',').filter(Boolean);
      const creator = q.get('creator');
      const all = [...repo.issues.map((i) => ({ i, pr: false })), ...repo.pulls.map((pr) => ({ i: this.pullAsIssue(fullName, pr), pr: true }))].sort((a, b) => b.i.number - a.i.number);
      const list = all.filter(({ i }) => (state === 'all' || i.state === state) && labels.every((l) => i.labels.includes(l)) && (!creator || i.author === creator));
      const page = Number(q.get('page') ?? '1');
      const per = Number(q.get('per_page') ?? '30');
      return [200, list.slice((page - 1) * per, page * per).map(({ i, pr }) => ({ ...this.issueJson(i), ...(pr ? { pull_request: { url: `${this.url}/repos/${fullName}/pulls/${i.number}` } } : {}) }))];
    }
    if ((p = /^issues\/(\d+)$/.exec(rest))) {
      const issue = repo.issues.find((i) => i.number === Number(p![1]));
      if (!issue) throw notFound();
      if (method === 'GET') return [200, this.issueJson(issue)];
      if (method === 'PATCH') {
        if (input.state === 'open' || input.state === 'closed') issue.state = input.state;
        if (typeof input.state_reason === 'string') issue.stateReason = input.state_reason;
        if (typeof input.title === 'string') issue.title = input.title;
        if (typeof input.body === 'string') issue.body = input.body;
        if (Array.isArray(input.labels)) issue.labels = input.labels.map(String);
        return [200, this.issueJson(issue)];
      }
    }
    throw notFound();
  }
}

/** `X-Hub-Signature-256` for a webhook body, as GitHub computes it. */
export function signGithubWebhook(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}
