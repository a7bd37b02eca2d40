import type { Clock } from '../../core/clock.ts';
import type { AccessRequest, PullRequestRef } from '../domain/access-request.ts';
import { failAccessRequest, pendingPullRequestChange, recordNoChangeNeeded, recordPullRequestOpened, type Transition } from '../domain/access-request-lifecycle.ts';
import type { CodeHost, OpenedPullRequest } from '../ports/code-host.ts';
import { addGroupMember, GroupsYamlEditError, membersOf, removeGroupMember } from '../domain/edit-group-members.ts';
import { branchForRequest, buildPullRequestText, type MemberChange } from '../domain/pull-request-text.ts';

export type OpenPullRequestResult =
  | { kind: 'opened' | 'resumed'; pullRequest: PullRequestRef; steps: string[] }
  | { kind: 'no-change'; reason: string; steps: string[] };

/** Errors that a retry cannot fix: report with failAccessRequest instead of retrying. */
export function isPermanentPullRequestError(err: unknown): err is GroupsYamlEditError {
  return err instanceof GroupsYamlEditError && err.code !== 'already-member' && err.code !== 'not-a-member';
}

function edit(text: string, request: AccessRequest, change: MemberChange): string {
  return change === 'add'
    ? addGroupMember(text, request.group.emailId, request.memberEmail).text
    : removeGroupMember(text, request.group.emailId, request.memberEmail).text;
}

function alreadyDone(text: string, request: AccessRequest, change: MemberChange): boolean {
  const present = membersOf(text, request.group.emailId).some((m) => m.trim().toLowerCase() === request.memberEmail.trim().toLowerCase());
  return change === 'add' ? present : !present;
}

function ref(pr: OpenedPullRequest): PullRequestRef {
  return { number: pr.number, url: pr.url, branch: pr.branch };
}

/**
 * Opens (or finds again) the pull request for a request's change: one branch per request and
 * change, one commit editing the group's file, one pull request. Every step first looks for the
 * result of an earlier attempt, so after a failure half-way (branch made, PR not) a retry
 * resumes instead of duplicating. A file that cannot be edited throws GroupsYamlEditError
 * before anything is created.
 */
export async function openAccessPullRequest(
  host: CodeHost,
  args: {
    request: AccessRequest;
    change: MemberChange;
    /** Base branch of the groups repository (e.g. `main`). */
    baseBranch: string;
    /** Approvers of the group's file, named in the PR (nearest OWNERS). */
    ownersApprovers: readonly string[];
    slackThreadUrl?: string;
  },
): Promise<OpenPullRequestResult> {
  const { request, change, baseBranch } = args;
  const branch = branchForRequest(request.id, change);
  const path = request.group.file;
  const steps: string[] = [];
  const text = buildPullRequestText({
    request,
    change,
    ownersApprovers: args.ownersApprovers,
    ...(args.slackThreadUrl ? { slackThreadUrl: args.slackThreadUrl } : {}),
  });

  const existing = await host.findPullRequest(branch);
  if (existing) {
    steps.push(`found pull request #${existing.number}`);
    return { kind: 'resumed', pullRequest: ref(existing), steps };
  }

  let resumed = (await host.getBranchHead('head', branch)) !== undefined;
  if (!resumed) {
    const baseSha = await host.getBranchHead('base', baseBranch);
    if (!baseSha) throw new Error(`base branch ${baseBranch} not found`);
    const file = await host.getFile('base', path, baseSha);
    if (!file) throw new GroupsYamlEditError('group-not-found', `${path} does not exist on ${baseBranch}`);
    // Validate and edit before creating anything: a file we cannot edit leaves no trace behind.
    if (alreadyDone(file.content, request, change)) {
      steps.push('nothing to change on the base branch');
      return {
        kind: 'no-change',
        reason: change === 'add' ? `${request.memberEmail} is already in ${request.group.name}` : `${request.memberEmail} is no longer in ${request.group.name}`,
        steps,
      };
    }
    const content = edit(file.content, request, change);
    const created = await host.createBranch(branch, baseSha);
    steps.push(created === 'created' ? `created branch ${branch}` : `branch ${branch} already existed`);
    if (created === 'created') {
      await host.commitFile({ branch, path, content, sha: file.sha, message: text.commitMessage });
      steps.push(`committed ${path}`);
    } else resumed = true;
  }
  if (resumed) {
    const onBranch = await host.getFile('head', path, branch);
    if (!onBranch) throw new GroupsYamlEditError('group-not-found', `${path} does not exist on branch ${branch}`);
    if (alreadyDone(onBranch.content, request, change)) steps.push(`branch ${branch} already has the change`);
    else {
      await host.commitFile({ branch, path, content: edit(onBranch.content, request, change), sha: onBranch.sha, message: text.commitMessage });
      steps.push(`committed ${path} on existing branch`);
    }
  }

  const pr = await host.createPullRequest({ branch, base: baseBranch, title: text.title, body: text.body });
  steps.push(`opened pull request #${pr.number}`);
  return { kind: resumed ? 'resumed' : 'opened', pullRequest: ref(pr), steps };
}

/**
 * The `open-pr` effect as one call: opens (or resumes) the pull request for whatever change the
 * request is waiting for and returns the transition to persist. Errors a retry may fix (HTTP,
 * network) are thrown for the job runner to retry; a file that cannot be edited fails the request.
 */
export async function runOpenPrEffect(
  host: CodeHost,
  request: AccessRequest,
  options: { baseBranch: string; ownersApprovers: readonly string[]; clock: Clock },
): Promise<Transition> {
  const change = pendingPullRequestChange(request);
  if (!change) return { request, effects: [], changed: false, outcome: 'ignored', message: `No pull request to open in status ${request.status}.` };
  try {
    const result = await openAccessPullRequest(host, {
      request,
      change,
      baseBranch: options.baseBranch,
      ownersApprovers: options.ownersApprovers,
      ...(request.slackThread?.permalink ? { slackThreadUrl: request.slackThread.permalink } : {}),
    });
    const now = options.clock.now();
    return result.kind === 'no-change' ? recordNoChangeNeeded(request, result.reason, now) : recordPullRequestOpened(request, result.pullRequest, now);
  } catch (err) {
    if (isPermanentPullRequestError(err)) return failAccessRequest(request, err.message, options.clock.now());
    throw err;
  }
}
