import type { Octokit } from '@octokit/rest';
import { trimSlashes } from '../../access/domain/group-catalog.ts';
import type { GroupsSource } from '../../access/ports/groups-source.ts';
import { httpStatus, splitRepo } from './create-github-client.ts';

/**
 * Reads group definitions from the GitHub repository at one commit: the branch is resolved once,
 * so every file comes from the same snapshot. Make a new source to see newer commits.
 */
export class OctokitGroupsSource implements GroupsSource {
  private readonly repoRef: { owner: string; repo: string };
  private commit: Promise<string> | undefined;
  private blobs: Promise<Map<string, string>> | undefined;

  constructor(
    private readonly octokit: Octokit,
    private readonly options: { repo: string; branch: string; groupsPath: string },
  ) {
    this.repoRef = splitRepo(options.repo);
  }

  private commitSha(): Promise<string> {
    this.commit ??= this.octokit.rest.git.getRef({ ...this.repoRef, ref: `heads/${this.options.branch}` }).then((r) => r.data.object.sha);
    this.commit.catch(() => {
      this.commit = undefined;
    });
    return this.commit;
  }

  async revision(): Promise<string | undefined> {
    return this.commitSha();
  }

  /** path → blob sha for everything under the groups folder, walking down from the commit's root tree. */
  private blobIndex(): Promise<Map<string, string>> {
    this.blobs ??= (async () => {
      const commit = await this.commitSha();
      const { data: commitData } = await this.octokit.rest.git.getCommit({ ...this.repoRef, commit_sha: commit });
      let treeSha = commitData.tree.sha;
      const folder = trimSlashes(this.options.groupsPath);
      for (const segment of folder === '' ? [] : folder.split('/')) {
        const { data } = await this.octokit.rest.git.getTree({ ...this.repoRef, tree_sha: treeSha });
        const entry = data.tree.find((e) => e.path === segment && e.type === 'tree');
        if (!entry?.sha) throw new Error(`${this.options.repo}@${this.options.branch} has no folder ${folder}`);
        treeSha = entry.sha;
      }
      const { data } = await this.octokit.rest.git.getTree({ ...this.repoRef, tree_sha: treeSha, recursive: 'true' });
      if (data.truncated) throw new Error(`the tree of ${folder} is too large for one GitHub request`);
      const prefix = folder === '' ? '' : `${folder}/`;
      return new Map(data.tree.filter((e) => e.type === 'blob' && e.path && e.sha).map((e) => [`${prefix}${e.path}`, e.sha!]));
    })();
    this.blobs.catch(() => {
      this.blobs = undefined;
    });
    return this.blobs;
  }

  async listFiles(): Promise<string[]> {
    return [...(await this.blobIndex()).keys()].sort();
  }

  async readFile(path: string): Promise<string | undefined> {
    const sha = (await this.blobIndex()).get(path);
    if (sha) {
      const { data } = await this.octokit.rest.git.getBlob({ ...this.repoRef, file_sha: sha });
      return Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8').toString('utf8');
    }
    try {
      const { data } = await this.octokit.rest.repos.getContent({ ...this.repoRef, path, ref: await this.commitSha() });
      if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return undefined;
      return Buffer.from(data.content, 'base64').toString('utf8');
    } catch (err) {
      if (httpStatus(err) === 404) return undefined;
      throw err;
    }
  }
}
