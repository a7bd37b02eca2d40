import type { Octokit } from '@octokit/rest';
import type { PullRequestFile, PullRequestHead, PullRequestReader } from '../../changes/ports/pull-request-reader.ts';
import { TrackerRefused } from '../../changes/ports/change-tracker.ts';
import { httpStatus, splitRepo } from './create-github-client.ts';

async function call<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const status = httpStatus(err);
    const message = `GitHub ${what}: ${status ? `HTTP ${status} ` : ''}${err instanceof Error ? err.message : String(err)}`;
    if (status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429) throw new TrackerRefused(message, { cause: err });
    throw new Error(message, { cause: err });
  }
}

/** GitHub lists at most 3000 files of a pull request, 100 a page. */
const MAX_FILE_PAGES = 30;

function statusOf(s: string): PullRequestFile['status'] {
  return s === 'added' || s === 'removed' || s === 'renamed' ? s : 'modified';
}

/** A pull request's head, its changed files and file contents at a commit, through Octokit. */
export class GithubPullRequestReader implements PullRequestReader {
  constructor(private readonly octokit: Octokit) {}

  async head(repo: string, number: number): Promise<PullRequestHead | 'not-found'> {
    const found = await call('read pull request', async () => {
      try {
        return (await this.octokit.rest.pulls.get({ ...splitRepo(repo), pull_number: number })).data;
      } catch (err) {
        if (httpStatus(err) === 404) return undefined;
        throw err;
      }
    });
    if (!found) return 'not-found';
    // The base commit the PR was compared with; without it, its base branch as it is now.
    return { number: found.number, state: found.state === 'closed' ? 'closed' : 'open', merged: found.merged === true, author: found.user?.login ?? '', baseRef: found.base.sha || found.base.ref, headSha: found.head.sha ?? '' };
  }

  async files(repo: string, number: number): Promise<{ files: PullRequestFile[]; total: number }> {
    const files: PullRequestFile[] = [];
    for (let page = 1; page <= MAX_FILE_PAGES; page++) {
      const r = await call('list pull request files', () => this.octokit.rest.pulls.listFiles({ ...splitRepo(repo), pull_number: number, per_page: 100, page }));
      for (const f of r.data) files.push({ path: f.filename, ...(f.previous_filename ? { previousPath: f.previous_filename } : {}), status: statusOf(f.status) });
      if (r.data.length < 100) break;
    }
    return { files, total: files.length };
  }

  async file(repo: string, path: string, ref: string): Promise<string | undefined> {
    const data: unknown = await call(`read ${path}`, async () => {
      try {
        return (await this.octokit.rest.repos.getContent({ ...splitRepo(repo), path, ref })).data;
      } catch (err) {
        if (httpStatus(err) === 404) return undefined;
        throw err;
      }
    });
    if (data === undefined) return undefined;
    if (Array.isArray(data) || typeof data !== 'object' || data === null || (data as { type?: unknown }).type !== 'file') return undefined;
    const file = data as { sha: string; content?: string; encoding?: string };
    if (file.encoding === 'base64' && typeof file.content === 'string') return Buffer.from(file.content, 'base64').toString('utf8');
    // Files over 1 MB come without content: read the blob.
    const blob = await call(`read blob of ${path}`, () => this.octokit.rest.git.getBlob({ ...splitRepo(repo), file_sha: file.sha }));
    return Buffer.from(blob.data.content, blob.data.encoding === 'base64' ? 'base64' : 'utf8').toString('utf8');
  }
}
