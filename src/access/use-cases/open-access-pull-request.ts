import type { Logger } from 'pino';
import type { Clock } from '../../core/clock.ts';
import type { AccessRequest, PullRequestRef } from '../domain/access-request.ts';
import { failAccessRequest, pendingPullRequestChange, recordNoChangeNeeded, recordPullRequestOpened, type Transition } from '../domain/access-request-lifecycle.ts';
import { addGroupMember, GroupsYamlEditError, membersOf, removeGroupMember } from '../domain/edit-group-members.ts';
import { editedGroupViolations } from '../domain/group-rules.ts';
import { recordPullRequestAttemptFailed, withoutRetryNote } from '../domain/pull-request-attempts.ts';
import { branchForRequest, buildPullRequestText, type MemberChange } from '../domain/pull-request-text.ts';
import type { AccessRequests } from '../ports/access-requests.ts';
import type { CodeHost, OpenedPullRequest } from '../ports/code-host.ts';
import type { GroupsCatalog } from '../ports/groups-catalog.ts';
import type { JobContext } from '../../platform/jobs/define-job.ts';
import { changeRequest } from './change-request.ts';

export type OpenPullRequestResult =
  | { kind: 'opened' | 'resumed'; pullRequest: PullRequestRef; steps: string[] }
  | { kind: 'no-change'; reason: string; steps: string[] };

/** Errors that a retry cannot fix: report with failAccessRequest instead of retrying. */
export function isPermanentPullRequestError(err: unknown): err is GroupsYamlEditError {
  return err instanceof GroupsYamlEditError && err.code !== 'already-member' && err.code !== 'not-a-member';
}

function edit(text: string, request: AccessRequest, change: MemberChange): string {
  const out =
    change === 'add'
      ? addGroupMember(text, request.group.emailId, request.memberEmail, request.placement ?? {}).text
      : removeGroupMember(text, request.group.emailId, request.memberEmail).text;
  // The repository's group rules, checked on the file as it would be merged (what the change newly breaks): a pull request that fails its tests wastes an approver's time.
  const before = new Set(editedGroupViolations(text, request.group.emailId));
  const broken = editedGroupViolations(out, request.group.emailId).filter((p) => !before.has(p));
  if (broken.length > 0) throw new GroupsYamlEditError('rule-violation', `the edited ${request.group.file} would break the repository's group rules (${broken.join('; ')})`);
  return out;
}

function alreadyDone(text: string, request: AccessRequest, change: MemberChange): boolean {
  const present = membersOf(text, request.group.emailId).some((m) => m.trim().toLowerCase() === request.memberEmail.trim().toLowerCase());
  return change === 'add' ? present : !present;
}

function ref(pr: OpenedPullRequest): PullRequestRef {
  return { number: pr.number, url: pr.url, branch: pr.branch, headRepo: pr.headRepo };
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
  const resumed = await ensureBranchWithEdit(host, { branch, path, baseSha, baseFileSha: file.sha, content, message: text.commitMessage }, steps);

  const pr = await host.createPullRequest({ branch, base: baseBranch, title: text.title, body: text.body });
  steps.push(`opened pull request #${pr.number}`);
  if (change === 'remove') {
    // The removal goes to the people who approved the grant; GitHub refuses reviewers who are not
    // collaborators (422), and that must not hold the removal back.
    const reviewers = [...new Set(request.approvals.map((a) => a.github))];
    try {
      await host.requestReviewers(pr.number, reviewers);
      steps.push(`asked ${reviewers.map((r) => `@${r}`).join(', ')} to review`);
    } catch (err) {
      steps.push(`could not request reviewers (${err instanceof Error ? err.message : String(err)})`);
    }
  }
  return { kind: resumed ? 'resumed' : 'opened', pullRequest: ref(pr), steps };
}

/**
 * Makes `branch` hold exactly the base commit plus this one edit: creates it, or, when it exists
 * (an earlier attempt, or a removal prepared the day access was granted) but was made on an older
 * base or holds something else, rebuilds it on the base as it is now. True when it existed.
 */
async function ensureBranchWithEdit(
  host: CodeHost,
  args: { branch: string; path: string; baseSha: string; baseFileSha: string; content: string; message: string },
  steps: string[],
): Promise<boolean> {
  const { branch, path } = args;
  const created = (await host.getBranchHead('head', branch)) === undefined ? await host.createBranch(branch, args.baseSha) : 'exists';
  if (created === 'created') {
    await host.commitFile({ branch, path, content: args.content, sha: args.baseFileSha, message: args.message });
    steps.push(`created branch ${branch}`, `committed ${path}`);
    return false;
  }
  const onBranch = await host.getFile('head', path, branch);
  if (onBranch?.content === args.content) {
    steps.push(`branch ${branch} already has the change`);
    return true;
  }
  await host.resetBranch(branch, args.baseSha);
  await host.commitFile({ branch, path, content: args.content, sha: args.baseFileSha, message: args.message });
  steps.push(`rebuilt branch ${branch} on the current base`, `committed ${path}`);
  return true;
}

/**
 * The day temporary access is granted, the removal is prepared: its branch, with the one-line
 * removal committed, ready to be opened as a pull request at expiry (rebuilt then if the base
 * moved on). Undefined when the address is not in the file (nothing to remove).
 */
export async function prepareRemovalBranch(host: CodeHost, request: AccessRequest, baseBranch: string): Promise<{ branch: string } | undefined> {
  const branch = branchForRequest(request.id, 'remove');
  const baseSha = await host.getBranchHead('base', baseBranch);
  if (!baseSha) throw new Error(`base branch ${baseBranch} not found`);
  const file = await host.getFile('base', request.group.file, baseSha);
  if (!file || alreadyDone(file.content, request, 'remove')) return undefined;
  const text = buildPullRequestText({ request, change: 'remove', ownersApprovers: [] });
  await ensureBranchWithEdit(host, { branch, path: request.group.file, baseSha, baseFileSha: file.sha, content: edit(file.content, request, 'remove'), message: text.commitMessage }, []);
  return { branch };
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

/** Reads of a request that another job changed meanwhile, before the job waits for a retry. */
const OPEN_PR_PASSES = 10;

export interface OpenPendingPullRequestDeps {
  requests: AccessRequests;
  catalog: GroupsCatalog;
  /** Made on first use: nothing talks to GitHub before a request needs it. */
  codeHost: () => CodeHost;
  clock: Clock;
  /** Base branch of the groups repository (`access.branch`). */
  baseBranch: string;
  log: Pick<Logger, 'warn'>;
}

/**
 * The open-pull-request job: opens (or resumes) the pull request the request is waiting for and
 * records it, completing the job in the same transaction. A failure a retry may fix is noted on
 * the request (the requester hears once) and rethrown for the runner to retry with backoff.
 */
export async function openPendingPullRequest(deps: OpenPendingPullRequestDeps, requestId: string, job: JobContext): Promise<void> {
  let ownersApprovers: readonly string[] | undefined;
  // Another job may change the request while the PR is being opened (its message refreshed, an
  // effect delivered): then read it again and resume at once; the next pass finds the PR on
  // GitHub instead of opening a second one. An approval fans out into several such jobs at once,
  // so a pass first lets theirs commit. Only a request that keeps changing waits for a retry.
  for (let pass = 0; pass < OPEN_PR_PASSES; pass++) {
    if (pass > 0) await new Promise((resolve) => setImmediate(resolve));
    const request = await deps.requests.get(requestId);
    if (!request) return;
    if (ownersApprovers === undefined) {
      ownersApprovers = request.approversAtRequest;
      try {
        ownersApprovers = (await deps.catalog.get()).find(request.group.emailId)?.nearestApprovers ?? ownersApprovers;
      } catch {
        // The approvers named in the PR are a courtesy; the request's own list will do.
      }
    }
    let transition: Transition;
    try {
      transition = await runOpenPrEffect(deps.codeHost(), request, { baseBranch: deps.baseBranch, ownersApprovers, clock: deps.clock });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      deps.log.warn({ request: requestId, err: message, attempt: job.job.attempts }, 'opening the access pull request failed; will retry');
      await changeRequest(deps.requests, requestId, (r) => recordPullRequestAttemptFailed(r, message, deps.clock.now()));
      throw err;
    }
    if (await deps.requests.save(request, withoutRetryNote(transition), { job })) return;
  }
  throw new Error(`access request ${requestId} kept changing while its pull request was opened`);
}
