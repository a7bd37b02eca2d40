import type { Octokit } from '@octokit/rest';
import { GithubChangeTracker } from '../../integrations/github/change-issues.ts';
import { splitRepo } from '../../integrations/github/create-github-client.ts';
import { OctokitCodeHost } from '../../integrations/github/octokit-code-host.ts';
import type { OwnersGithub } from '../ports/owners-github.ts';

/** OwnersGithub through the bot's bounded Octokit: issues on `repo`, pull requests on whichever repo holds the files. */
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
    async updateIssueBody(number, update) {
      const where = { ...splitRepo(repo), issue_number: number };
      const { data } = await octokit.rest.issues.get(where);
      const body = data.body ?? '';
      const next = update(body);
      if (next !== body) await octokit.rest.issues.update({ ...where, body: next });
    },
    async openFilesPullRequest(pr) {
      const host = new OctokitCodeHost(octokit, { repo: pr.repo });
      const found = await host.findPullRequest(pr.branch);
      if (found) return { number: found.number, url: found.url };
      const baseSha = await host.getBranchHead('base', pr.base);
      if (!baseSha) throw new Error(`${pr.repo} has no branch ${pr.base}`);
      // Every edit is made on the base before anything is created: nothing to change leaves no branch behind.
      const files: { path: string; content: string }[] = [];
      for (const f of pr.files) {
        const current = (await host.getFile('base', f.path, baseSha))?.content;
        const edited = f.edit(current);
        if (edited !== undefined && edited !== current) files.push({ path: f.path, content: edited });
      }
      if (files.length === 0) return undefined;
      await host.createBranch(pr.branch, baseSha);
      await host.commitFiles({ branch: pr.branch, parentSha: baseSha, files, message: pr.title });
      const opened = await host.createPullRequest({ branch: pr.branch, base: pr.base, title: pr.title, body: pr.body });
      return { number: opened.number, url: opened.url };
    },
  };
}
