import { isFinished } from '../domain/change.ts';
import { sayOnly } from '../domain/bookkeeping.ts';
import { issueOpened } from '../domain/consensus-steps.ts';
import { issueBody, issueMarkerPrefix, issueTitle, parseIssueMarker } from '../domain/github-text.ts';
import { missingReviews, reviewProgress } from '../domain/review-policy.ts';
import { escapeMrkdwn } from '../../core/mrkdwn.ts';
import { PermanentJobError } from '../../platform/jobs/permanent-job-error.ts';
import { TrackerRefused } from '../ports/change-tracker.ts';
import { applyStep } from './apply-step.ts';
import type { ChangeDeps } from './change-deps.ts';
import { deadlineFor } from './deadline-for.ts';

export type OpenConsensusIssueDeps = Pick<ChangeDeps, 'changes' | 'clock' | 'directory' | 'tracker' | 'labels' | 'mailer'>;

/**
 * Opens the change's lazy-consensus issue (once: a retry finds the issue its marker names) and
 * starts the count. The first failure tells the thread that the record is late; the job retries
 * with backoff while Slack carries on.
 */
export async function openConsensusIssue(deps: OpenConsensusIssueDeps, changeId: string, attempt: number): Promise<void> {
  const current = await deps.changes.get(changeId);
  if (!current?.change.lazy || current.change.lazy.issue || isFinished(current.change.state)) return;
  const { change, reviews } = current;
  const { rules } = deps.directory;
  const start = deps.clock.now();
  const planned = deadlineFor(deps.directory, change, start);
  const body = issueBody(change, {
    serviceNames: change.services.map((s) => deps.directory.serviceName(s)),
    sigNames: change.sigs.map((s) => deps.directory.sigName(s)),
    reviewsNeeded: missingReviews(reviewProgress(change, reviews, rules)),
    notice: { to: rules.notice.to },
    deadline: planned.at,
    start,
    deadlineNotes: planned.notes,
    approvers: change.prAnalysis?.approvers ?? [],
  });
  let opened;
  try {
    opened = await deps.tracker.openIssue({ title: issueTitle(change), body, labels: deps.labels, findBy: issueMarkerPrefix(change.id) });
  } catch (err) {
    if (err instanceof TrackerRefused) {
      await applyStep(deps, changeId, (c) => sayOnly(c.change, 'issue-refused', `:x: GitHub refused to open the lazy-consensus issue (${escapeMrkdwn(err.message)}). A lead must open it by hand; until then no deadline is counted.`));
      throw new PermanentJobError(err.message);
    }
    if (attempt === 1) {
      const why = err instanceof Error ? err.message : String(err);
      await applyStep(deps, changeId, (c) => sayOnly(c.change, 'issue-late', `:warning: GitHub did not answer (${escapeMrkdwn(why)}): the lazy-consensus issue will be opened in ${escapeMrkdwn(rules.repo)} when it does, and the deadline counted from then. Reviews go on here.`));
    }
    throw err;
  }
  // An issue found on a retry keeps the count it was opened with.
  const startedAt = parseIssueMarker(opened.body)?.start ?? start;
  const deadline = startedAt.getTime() === start.getTime() ? planned : deadlineFor(deps.directory, change, startedAt);
  await applyStep(deps, changeId, (c) => issueOpened(c.change, { number: opened.number, url: opened.url }, deadline, deps.clock.now(), rules, deps.mailer !== undefined));
}
