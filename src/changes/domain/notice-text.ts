import type { Change } from './change.ts';
import { utc } from './format.ts';
import { TIER_DEFINITION, TIER_LABEL } from './tier.ts';

/** The kubernetes-dev@ notice: what the author (or the SMTP relay) sends to the list. Plain text. */
export interface Notice {
  to: string;
  subject: string;
  text: string;
}

export interface NoticeContext {
  to: string;
  serviceNames: string[];
  sigNames: string[];
  issueUrl: string;
  deadline: Date;
}

const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, ' ').trim();

function noticeSubject(change: Pick<Change, 'title' | 'tier'>): string {
  const subject = `[LAZY CONSENSUS] ${oneLine(change.title)} (${change.tier} risk)`;
  return subject.length <= 200 ? subject : `${subject.slice(0, 199)}…`;
}

function head(change: Change, ctx: NoticeContext): string[] {
  return [
    'Hello Kubernetes contributors,',
    '',
    `SIG K8s Infra plans a ${TIER_LABEL[change.tier].toLowerCase()}-risk change to the project's infrastructure: one that ${TIER_DEFINITION[change.tier]}.`,
    `We will assume lazy consensus if there are no objections by ${utc(ctx.deadline)}.`,
    '',
    `Change: ${oneLine(change.title)}`,
    `Services affected: ${ctx.serviceNames.length ? ctx.serviceNames.join(', ') : 'none named'}`,
    `SIGs affected: ${ctx.sigNames.length ? ctx.sigNames.join(', ') : 'none named'}`,
    `Planned window: ${utc(change.windowStart)} to ${utc(change.windowEnd)}`,
    ...(change.pr ? [`Pull request: ${change.pr.url}`] : []),
    `Tracking issue: ${ctx.issueUrl}`,
  ];
}

function tail(change: Change, ctx: NoticeContext): string[] {
  return ['', `To object, reply to this thread or comment "/object <your reason>" on ${ctx.issueUrl}.`, '', 'Thanks,', `${oneLine(change.authorName)}, for SIG K8s Infra`];
}

export function noticeFor(change: Change, ctx: NoticeContext): Notice {
  const text = [...head(change, ctx), '', 'What changes:', change.description.trim(), '', 'Rollback plan:', change.rollbackPlan.trim() || '(none given)', ...tail(change, ctx)].join('\n');
  return { to: ctx.to, subject: noticeSubject(change), text };
}

/** Slack refuses a button URL over 3000 characters. */
const MAX_URL = 3000;

/**
 * A `mailto:` link with the notice filled in, for the author's own mail client (the bot owns no
 * mailing-list account). A notice too long for a link keeps its summary and points at the issue.
 */
export function mailtoLink(notice: Notice, change: Change, ctx: NoticeContext): string {
  const link = (text: string) => `mailto:${notice.to}?subject=${encodeURIComponent(notice.subject)}&body=${encodeURIComponent(text)}`;
  const full = link(notice.text);
  if (full.length <= MAX_URL) return full;
  const short = link([...head(change, ctx), '', `What changes and the rollback plan: ${ctx.issueUrl}`, ...tail(change, ctx)].join('\n'));
  if (short.length <= MAX_URL) return short;
  return link(`Details: ${ctx.issueUrl}`);
}
