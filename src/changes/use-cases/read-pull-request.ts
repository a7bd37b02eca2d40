import { escapeMrkdwn } from '../../core/mrkdwn.ts';
import { sayOnly } from '../domain/bookkeeping.ts';
import { applyPrAnalysis, prAnalysisFailed } from '../domain/pull-request-steps.ts';
import { TrackerRefused } from '../ports/change-tracker.ts';
import { analysePullRequest, PullRequestGone } from './analyse-pull-request.ts';
import { applyStep } from './apply-step.ts';
import type { ChangeDeps } from './change-deps.ts';

export type ReadPullRequestDeps = Pick<ChangeDeps, 'changes' | 'clock' | 'directory' | 'pulls' | 'pathRules' | 'log'>;

/**
 * After the change is announced: reads its PR's files, lets the path rules raise the tier, and
 * takes the OWNERS approvers as the suggested reviewers. GitHub down: retried with backoff (the
 * thread is told once). A PR that is gone: the change carries on without it.
 */
export async function readPullRequest(deps: ReadPullRequestDeps, changeId: string, attempt: number): Promise<void> {
  const current = await deps.changes.get(changeId);
  const pr = current?.change.pr;
  if (!current || !pr || current.change.prAnalysisState !== 'pending') return;
  let analysis;
  try {
    analysis = await analysePullRequest({ pulls: deps.pulls, pathRules: deps.pathRules, log: deps.log }, pr);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    if (err instanceof PullRequestGone || err instanceof TrackerRefused) {
      await applyStep(deps, changeId, (c) => prAnalysisFailed(c.change, why));
      return;
    }
    if (attempt === 1) await applyStep(deps, changeId, (c) => sayOnly(c.change, 'pr-late', `:warning: GitHub did not answer (${escapeMrkdwn(why)}): the pull request's files will be read when it does; the tier may rise then.`));
    throw err;
  }
  const suggested = analysis.approvers.map((login) => deps.directory.slackOfGithub(login)).filter((s): s is string => s !== undefined);
  await applyStep(deps, changeId, (c) => applyPrAnalysis(c.change, analysis, suggested, deps.directory.rules));
}
