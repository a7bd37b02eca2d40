import type { Octokit } from '@octokit/rest';
import { GithubChangeTracker } from '../../integrations/github/change-issues.ts';
import { OctokitCodeHost } from '../../integrations/github/octokit-code-host.ts';
import type { OwnersGithub } from '../ports/owners-github.ts';

/** OwnersGithub through the bot's bounded Octokit: issues on `repo`, pull requests on whichever repo holds the file. */
export function githubOwners(octokit: Octokit, repo: string): OwnersGithub {
  const issues = new GithubChangeTracker(octokit, repo);
  return {
    async openIssue(issue) {
      const opened = await issues.openIssue({ title: issue.title, body: issue.body, labels: issue.labels, findBy: issue.marker });
      return { number: opened.number, url: opened.url };
    },
    async comment(number, body, marker) {
      await issues.comment(repo, number, `${body}\n\n<!-- ${marker} -->`, marker);
    },
    async openFilePullRequest(pr) {
      const host = new OctokitCodeHost(octokit, { repo: pr.repo });
      const found = await host.findPullRequest(pr.branch);
      if (found) return { number: found.number, url: found.url };
      const base = pr.base;
      const baseSha = await host.getBranchHead('base', base);
      if (!baseSha) throw new Error(`${pr.repo} has no branch ${base}`);
      await host.createBranch(pr.branch, baseSha);
      const file = await host.getFile('head', pr.path, pr.branch);
      if (!file) throw new Error(`${pr.repo} has no ${pr.path}`);
      const edited = pr.edit(file.content);
      if (edited === undefined || edited === file.content) return undefined;
      await host.commitFile({ branch: pr.branch, path: pr.path, content: edited, sha: file.sha, message: pr.title });
      const opened = await host.createPullRequest({ branch: pr.branch, base, title: pr.title, body: pr.body });
      return { number: opened.number, url: opened.url };
    },
  };
}
