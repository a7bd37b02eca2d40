import { createHash } from 'node:crypto';
import { escapeMrkdwn } from '../../core/mrkdwn.ts';
import type { GithubEventOutcome } from '../../platform/capability.ts';
import { sayOnly } from '../domain/bookkeeping.ts';
import { githubReviewer, isFinished, type Change } from '../domain/change.ts';
import { parseGithubCommands } from '../domain/github-commands.ts';
import { parseChangeGithubEvent, type ChangeGithubEvent } from '../domain/github-events.ts';
import { markerOf } from '../domain/github-text.ts';
import { recordReview, withdrawObjection } from '../domain/review-steps.ts';
import { holdByOthers, issueClosedOnGithub, prClosed } from '../domain/window-steps.ts';
import { applyStep } from './apply-step.ts';
import type { ChangeDeps } from './change-deps.ts';

export type GithubEventDeps = Pick<ChangeDeps, 'changes' | 'clock' | 'directory'>;

function sameRepo(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Which of the change's records the event is about. */
function about(change: Change, e: ChangeGithubEvent, issueRepo: string): 'issue' | 'pr' | undefined {
  if (change.lazy?.issue && change.lazy.issue.number === e.number && sameRepo(e.repo, issueRepo)) return 'issue';
  if (change.pr && change.pr.number === e.number && sameRepo(e.repo, change.pr.repo)) return 'pr';
  return undefined;
}

async function onComment(deps: GithubEventDeps, change: Change, e: Extract<ChangeGithubEvent, { kind: 'comment' }>, where: 'issue' | 'pr'): Promise<string[]> {
  const done: string[] = [];
  const key = `gh:${e.commentId || createHash('sha256').update(`${e.repo}#${e.number}:${e.login}:${e.body}`).digest('hex').slice(0, 16)}`;
  const reviewer = deps.directory.slackOfGithub(e.login) ?? githubReviewer(e.login);
  const isAuthor = change.authorGithub !== null && change.authorGithub.toLowerCase() === e.login.toLowerCase();
  for (const [i, command] of parseGithubCommands(e.body).entries()) {
    const k = `${key}:${i}`;
    if (command.kind === 'object' && !isAuthor) {
      const r = await applyStep(deps, change.id, (c, now) =>
        recordReview(c.change, c.reviews, { reviewer, verdict: 'object', reason: command.reason, source: 'github', key: k }, now, deps.directory.rules, (s) => deps.directory.githubOf(s)),
      );
      if (!r.ok && !r.already) {
        await applyStep(deps, change.id, (c) => sayOnly(c.change, `late:${k}`, `@${escapeMrkdwn(e.login)} objected on GitHub, but it does not stop the change: ${escapeMrkdwn(r.reason)} Their words: ${escapeMrkdwn(command.reason)}`));
      }
      done.push(r.ok ? 'objection' : 'objection-refused');
    } else if (command.kind === 'object-cancel') {
      const r = await applyStep(deps, change.id, (c, now) => withdrawObjection(c.change, c.reviews, reviewer, k, now, deps.directory.rules));
      done.push(r.ok ? 'objection-withdrawn' : 'nothing-to-withdraw');
    } else if ((command.kind === 'hold' || command.kind === 'hold-cancel') && where === 'pr') {
      const r = await applyStep(deps, change.id, (c) => holdByOthers(c.change, e.login, command.kind === 'hold-cancel'));
      done.push(r.ok ? command.kind : `${command.kind}-noted`);
    }
  }
  return done;
}

/**
 * Webhook deliveries on a change's issue or PR: `/object` and `/object cancel` comments, someone
 * else's `/hold` or `/hold cancel`, the issue closed, the PR merged or closed. The bot's own
 * comments (they carry its marker) are ignored. Redeliveries change nothing twice.
 */
export async function handleGithubEvent(deps: GithubEventDeps, event: string, payload: unknown): Promise<GithubEventOutcome> {
  const e = parseChangeGithubEvent(event, payload);
  if (!e) return { handled: false };
  if (e.kind === 'comment' && markerOf(e.body) !== undefined) return { handled: false };
  const issueRepo = deps.directory.rules.repo;
  const changes = (await deps.changes.byGithub(e.repo, e.number)).filter((c) => !isFinished(c.state));
  const outcomes: string[] = [];
  for (const change of changes) {
    const where = about(change, e, issueRepo);
    if (!where) continue;
    if (e.kind === 'comment') outcomes.push(...(await onComment(deps, change, e, where)).map((o) => `${change.id}:${o}`));
    else if (e.kind === 'issue-closed' && where === 'issue') {
      const r = await applyStep(deps, change.id, (c, now) => issueClosedOnGithub(c.change, e.login, now));
      outcomes.push(`${change.id}:${r.ok ? 'withdrawn' : 'closed'}`);
    } else if (e.kind === 'pr-closed' && where === 'pr') {
      const r = await applyStep(deps, change.id, (c) => prClosed(c.change, e.merged, e.login));
      outcomes.push(`${change.id}:${r.ok ? (e.merged ? 'pr-merged' : 'pr-closed') : 'noted'}`);
    }
  }
  return outcomes.length ? { handled: true, outcome: `changes: ${outcomes.join(', ')}` } : { handled: false };
}
