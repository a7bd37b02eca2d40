import { holdCancelled, holdPlaced } from '../domain/consensus-steps.ts';
import { markerOf } from '../domain/github-text.ts';
import type { GithubAction } from '../domain/intents.ts';
import { PermanentJobError } from '../../platform/jobs/permanent-job-error.ts';
import { TrackerRefused } from '../ports/change-tracker.ts';
import { applyStep } from './apply-step.ts';
import type { ChangeDeps } from './change-deps.ts';
import { openConsensusIssue } from './open-consensus-issue.ts';

export type RecordOnGithubDeps = Pick<ChangeDeps, 'changes' | 'clock' | 'directory' | 'tracker' | 'labels' | 'mailer' | 'log'>;

/**
 * One GitHub write about a change: its issue, a comment on the issue or the PR (the bot's
 * `/hold` and `/hold cancel` among them, recorded once they are on the PR), closing the issue.
 * Each comment carries its marker, so a retry after a lost answer does not write it twice.
 */
export async function recordOnGithub(deps: RecordOnGithubDeps, changeId: string, action: GithubAction, attempt: number): Promise<void> {
  if (action.kind === 'open-issue') return openConsensusIssue(deps, changeId, attempt);
  const current = await deps.changes.get(changeId);
  if (!current) return;
  const { change } = current;
  const issue = change.lazy?.issue;
  const marker = markerOf(action.body) ?? action.body.slice(0, 200);
  try {
    if (action.kind === 'comment-pr') {
      if (!change.pr) return;
      await deps.tracker.comment(change.pr.repo, change.pr.number, action.body, `<!-- k8s-infra-bot:${marker} -->`);
      if (action.hold === 'place') await applyStep(deps, changeId, (c) => holdPlaced(c.change));
      if (action.hold === 'cancel') await applyStep(deps, changeId, (c) => holdCancelled(c.change));
      return;
    }
    if (!issue) return;
    await deps.tracker.comment(deps.directory.rules.repo, issue.number, action.body, `<!-- k8s-infra-bot:${marker} -->`);
    if (action.kind === 'close-issue') await deps.tracker.closeIssue(issue.number, change.state === 'done' || change.state === 'rolled-back' ? 'completed' : 'not_planned');
  } catch (err) {
    if (err instanceof TrackerRefused) throw new PermanentJobError(err.message);
    throw err;
  }
}
