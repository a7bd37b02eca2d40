import type { Change, Review } from './change.ts';
import { utc } from './format.ts';
import { TIER_DEFINITION, TIER_LABEL } from './tier.ts';

/**
 * The change as GitHub shows it: the lazy-consensus issue is the group's record ("decisions in a
 * linkable medium"). Every comment the bot writes carries a hidden marker, so a retried delivery
 * finds the comment it already wrote instead of writing it twice.
 */
const MARKER = /<!-- k8s-infra-bot:([^>]*?) -->/;

export function marker(key: string): string {
  return `<!-- k8s-infra-bot:${key} -->`;
}

/** The marker's key in a body the bot wrote, or undefined for anyone else's text. */
export function markerOf(body: string): string | undefined {
  return MARKER.exec(body)?.[1];
}

/** The marker key of a comment about one change (two changes may share a pull request). */
export function commentKey(changeId: string, key: string): string {
  return `${changeId}/${key}`;
}

/** What identifies a change's issue, whatever else its marker says. */
export function issueMarkerPrefix(changeId: string): string {
  return `<!-- k8s-infra-bot:change ${changeId} `;
}

/** The issue's marker names the change and when its count started (so a retry counts the same deadline). */
export function issueMarker(changeId: string, start: Date): string {
  return marker(`change ${changeId} start=${start.toISOString()}`);
}

export function parseIssueMarker(body: string): { changeId: string; start: Date } | undefined {
  const m = /^change (\S+) start=(\S+)$/.exec(markerOf(body) ?? '');
  if (!m) return undefined;
  const start = new Date(m[2]!);
  return Number.isNaN(start.getTime()) ? undefined : { changeId: m[1]!, start };
}

/**
 * Text a person typed, safe in a comment written by the bot's account: every line quoted (so a
 * line like `/lgtm` or `/close` is never a Prow command run with the bot's rights) and `@`
 * written as an entity (so nobody can be pinged, nor a team, through the bot).
 */
export function quoteUserText(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return '> (none given)';
  return trimmed
    .split(/\r?\n/)
    .map((line) => `> ${line.replace(/@/g, '&#64;').replace(/<!--/g, '&lt;!--')}`)
    .join('\n');
}

/** One line of user text (a title, a table cell) for a place where quoting does not apply. */
function inlineUserText(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/@/g, '&#64;').replace(/<!--/g, '&lt;!--').replace(/\|/g, '\\|').trim();
}

export function issueTitle(change: Pick<Change, 'title' | 'tier'>): string {
  const title = `[LAZY CONSENSUS] ${change.title.replace(/\s*[\r\n]+\s*/g, ' ').trim()} (${change.tier} risk)`;
  return title.length <= 256 ? title : `${title.slice(0, 255)}…`;
}

export interface IssueContext {
  serviceNames: string[];
  sigNames: string[];
  /** SIG names the change still needs a review from, for the checklist. */
  reviewsNeeded: string[];
  notice: { to: string };
  deadline: Date;
  start: Date;
  deadlineNotes: string[];
  /** OWNERS approvers of the changed paths (cc'd, at most ten). */
  approvers: string[];
}

export function issueBody(change: Change, ctx: IssueContext): string {
  const author = change.authorGithub ? `@${change.authorGithub}` : change.authorName.replace(/@/g, '&#64;');
  const lines = [
    `A **${TIER_LABEL[change.tier].toLowerCase()}-risk** change to the project's infrastructure: by the charter, one that ${TIER_DEFINITION[change.tier]}.`,
    '',
    `**If there are no objections by ${utc(ctx.deadline)}, lazy consensus is reached.**`,
    '',
    '| | |',
    '| --- | --- |',
    `| Author | ${author} |`,
    `| Tier | ${TIER_LABEL[change.tier]}: ${change.tierReasons.map(inlineUserText).join('; ')} |`,
    `| Services affected | ${ctx.serviceNames.length ? ctx.serviceNames.join(', ') : 'none named'} |`,
    `| SIGs affected | ${ctx.sigNames.length ? ctx.sigNames.join(', ') : 'none named'} |`,
    `| Planned window | ${utc(change.windowStart)} to ${utc(change.windowEnd)} |`,
    `| Pull request | ${change.pr ? change.pr.url : 'none'} |`,
    `| Lazy-consensus deadline | ${utc(ctx.deadline)} |`,
    `| kubernetes-dev@ notice | sent to ${ctx.notice.to}; the thread is linked here once it is archived |`,
    '',
    '### What changes',
    '',
    quoteUserText(change.description),
    '',
    '### Rollback plan',
    '',
    quoteUserText(change.rollbackPlan),
    '',
    '### Reviews the charter asks for',
    '',
    ...(ctx.reviewsNeeded.length ? ctx.reviewsNeeded.map((r) => `- [ ] ${r}`) : ['- [x] none outstanding']),
    '',
    '### How the deadline was counted',
    '',
    ...ctx.deadlineNotes.map((n) => `- ${n}`),
    '',
    '### To object',
    '',
    'Comment `/object <your reason>` here (or on the pull request), reply on the kubernetes-dev@ thread, or click **Object** on the change in #wg-k8s-infra. An objection holds the change until the reviewers decide; `/object cancel` withdraws yours.',
    ...(ctx.approvers.length ? ['', `cc ${ctx.approvers.slice(0, 10).map((a) => `@${a}`).join(' ')}`] : []),
    '',
    issueMarker(change.id, ctx.start),
  ];
  return lines.join('\n');
}

const signed = (key: string, ...lines: string[]) => [...lines, '', marker(key)].join('\n');

/** The bot's `/hold` on the pull request, placed when the lazy-consensus issue opens. */
export function holdComment(key: string, issueUrl: string, deadline: Date): string {
  return signed(key, '/hold', '', `Holding for lazy consensus until ${utc(deadline)}: ${issueUrl}`, 'The bot that placed this hold cancels it once lazy consensus is reached and the reviews are in.');
}

export function consensusReachedComment(key: string, deadline: Date, missing: readonly string[]): string {
  const rest = missing.length ? `Still waiting for the reviews the charter asks for: ${missing.join(', ')}.` : 'The reviews the charter asks for are in.';
  return signed(key, `Lazy consensus reached: no objection by the deadline (${utc(deadline)}).`, rest);
}

export function holdCancelComment(key: string, why: string): string {
  return signed(key, `${why}`, '', '/hold cancel');
}

export function blockedComment(key: string, objections: readonly Review[], describe: (r: Review) => string): string {
  return signed(
    key,
    'Lazy consensus not reached: the deadline passed with an objection open. The decision waits for the reviewers.',
    '',
    ...objections.flatMap((o) => [`Objection by ${describe(o)}:`, quoteUserText(o.reason), '']),
  );
}

export function objectionComment(key: string, by: string, reason: string): string {
  return signed(key, `Objection raised in Slack by ${by}:`, '', quoteUserText(reason), '', 'The change waits until it is withdrawn or the reviewers decide.');
}

export function noticeLinkComment(key: string, url: string): string {
  return signed(key, `kubernetes-dev@ thread: ${url.replace(/[\s<>]/g, '')}`);
}

export function noticeSentComment(key: string, to: string, at: Date): string {
  return signed(key, `The kubernetes-dev@ notice was sent to ${to} at ${utc(at)}.`);
}

export function restartedComment(key: string, deadline: Date): string {
  return signed(key, `The kubernetes-dev@ notice is on record now, so lazy consensus is counted again from today: the new deadline is ${utc(deadline)}.`);
}

export function closingComment(key: string, text: string): string {
  return signed(key, text);
}
