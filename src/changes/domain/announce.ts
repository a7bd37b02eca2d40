import { needsLazyConsensus, newLazyConsensus, type Change, type PullRequestRef } from './change.ts';
import { audited, type Intent, type Step } from './intents.ts';
import { reviewersToAsk } from './review-policy.ts';
import type { ChangeRules } from './rules.ts';
import { checkChosenTier, maxTier, tierFromAnswers, type CharterAnswers, type Tier } from './tier.ts';
import { utc } from './format.ts';

export interface Announcement {
  title: string;
  description: string;
  rollbackPlan: string;
  services: string[];
  /** SIGs the author named; the services' own SIGs are added. */
  sigs: string[];
  answers: Partial<CharterAnswers>;
  /** The tier the author picked (at least the floor). */
  chosenTier: Tier | undefined;
  /** The tier the PR's files suggested when the form read them, if it did. */
  pathTier: Tier | undefined;
  windowStart: Date | undefined;
  windowMinutes: number;
  pr: PullRequestRef | null;
}

/** Field → message, as the form shows it inline. */
export type AnnouncementErrors = Partial<Record<'title' | 'description' | 'rollback' | 'window' | 'tier' | 'workflows' | 'rollbackEase' | 'reach', string>>;

export interface AnnouncementChecks {
  now: Date;
  mediumNeedsLazyConsensus: boolean;
  /** The earliest the lazy-consensus deadline can be if the issue opened now, for a tier that needs one. */
  earliestDeadline: (tier: Tier) => Date;
}

/** The tier from the answers and the PR's files, before the author raises it. */
export function tierFloor(a: Pick<Announcement, 'answers' | 'pathTier'>): Tier | undefined {
  const fromAnswers = tierFromAnswers(a.answers);
  if (!fromAnswers) return undefined;
  return maxTier(fromAnswers.tier, a.pathTier ?? 'low');
}

/** Every problem with what the form holds, each on its field. */
export function checkAnnouncement(a: Announcement, checks: AnnouncementChecks): AnnouncementErrors {
  const errors: AnnouncementErrors = {};
  if (!a.title.trim()) errors.title = 'Give the change a title.';
  if (!a.description.trim()) errors.description = 'Say what changes.';
  const answered = tierFromAnswers(a.answers);
  if (!answered) {
    if (!a.answers.workflows) errors.workflows = 'Answer this question: it decides the tier.';
    if (!a.answers.rollback) errors.rollbackEase = 'Answer this question: it decides the tier.';
    if (!a.answers.reach) errors.reach = 'Answer this question: it decides the tier.';
    return errors;
  }
  const floor = maxTier(answered.tier, a.pathTier ?? 'low');
  const chosen = checkChosenTier(a.chosenTier, floor);
  if (!chosen.ok) {
    errors.tier = chosen.reason;
    return errors;
  }
  const tier = chosen.tier;
  if (tier !== 'low' && !a.rollbackPlan.trim()) errors.rollback = `A ${tier}-risk change needs a rollback plan: say how you would undo it.`;
  if (!a.windowStart) errors.window = 'Pick the date and time the window starts.';
  else if (a.windowStart.getTime() <= checks.now.getTime()) errors.window = `The window starts in the past (${utc(a.windowStart)}): pick a time from now on.`;
  else if (needsLazyConsensus(tier, checks.mediumNeedsLazyConsensus)) {
    const earliest = checks.earliestDeadline(tier);
    if (a.windowStart.getTime() < earliest.getTime()) errors.window = `A ${tier}-risk change waits for lazy consensus, which cannot be reached before ${utc(earliest)}: pick a window after it.`;
  }
  return errors;
}

export interface Author {
  slackId: string;
  name: string;
  github: string | null;
  zone: string;
}

/**
 * The change as announced: its tier is the highest of the answers, the PR's files and the
 * author's choice. It is posted in the channel (then its reviewers are asked and SIG channels
 * hear of a medium or high one, see `messagePosted`), and its PR is read (or, without one, its
 * lazy-consensus issue opened).
 */
export function announceChange(id: string, a: Announcement, author: Author, serviceSigs: (service: string) => readonly string[], rules: ChangeRules, now: Date): Step {
  const answered = tierFromAnswers(a.answers);
  if (!answered || !a.windowStart) return { ok: false, reason: 'The form is incomplete.' };
  const floor = maxTier(answered.tier, a.pathTier ?? 'low');
  const chosen = checkChosenTier(a.chosenTier, floor);
  if (!chosen.ok) return { ok: false, reason: chosen.reason };
  const tier = chosen.tier;
  const reasons = [...(answered.tier !== 'low' ? answered.reasons : [])];
  if (a.pathTier && a.pathTier !== 'low' && a.pathTier === floor) reasons.push(`the pull request's files (path rules) suggest ${a.pathTier}`);
  if (tier !== floor) reasons.push(`raised to ${tier} by the author`);
  if (reasons.length === 0) reasons.push(...answered.reasons);
  const sigs = [...new Set([...a.sigs, ...a.services.flatMap((s) => serviceSigs(s))])].filter((s) => rules.sigs.has(s));
  const change: Change = {
    id,
    title: a.title.trim(),
    description: a.description.trim(),
    rollbackPlan: a.rollbackPlan.trim(),
    services: [...new Set(a.services)],
    sigs,
    answers: { workflows: a.answers.workflows!, rollback: a.answers.rollback!, reach: a.answers.reach! },
    tier,
    tierReasons: reasons,
    author: author.slackId,
    authorName: author.name,
    authorGithub: author.github,
    authorZone: author.zone,
    windowStart: a.windowStart,
    windowEnd: new Date(a.windowStart.getTime() + a.windowMinutes * 60_000),
    pr: a.pr,
    prAnalysis: null,
    prAnalysisState: a.pr ? 'pending' : 'none',
    prAnalysisError: null,
    suggestedReviewers: [],
    lazy: needsLazyConsensus(tier, rules.mediumNeedsLazyConsensus) ? newLazyConsensus() : null,
    hold: { placed: false, cancelled: false, heldByOthers: false },
    message: null,
    state: 'open',
    decidedAt: null,
    decidedBy: null,
    decisionNote: null,
    windowAnnouncedAt: null,
    incidentFlags: [],
    finishedAt: null,
    finishedBy: null,
    createdAt: now,
    version: 1,
  };
  const intents: Intent[] = [
    { kind: 'post-message' },
    audited('change.announced', author.slackId, { tier, title: change.title, services: change.services, sigs, pr: a.pr?.url ?? null, windowStart: change.windowStart.toISOString() }),
    { kind: 'window', at: change.windowStart },
  ];
  if (a.pr) intents.push({ kind: 'analyse-pr' });
  else if (change.lazy) intents.push({ kind: 'github', key: 'issue', action: { kind: 'open-issue' } });
  return { ok: true, change, intents };
}

/** DMs to whoever should review, and (medium and high) a post in each affected SIG's channel. Keyed: asking twice asks once. */
export function askAndShare(change: Change, rules: ChangeRules): Intent[] {
  const intents: Intent[] = reviewersToAsk(change, rules).map((user) => ({ kind: 'say', key: `ask:${user}`, target: { to: 'dm', user }, say: { kind: 'review-request' } }));
  if (change.tier !== 'low') {
    for (const channel of sigChannels(change, rules)) intents.push({ kind: 'say', key: `share:${channel}`, target: { to: 'channel', channel }, say: { kind: 'shared' } });
  }
  return intents;
}

/** The channels of the SIGs a change concerns (a high one: the consulted SIGs too), the group's own left out. */
export function sigChannels(change: Pick<Change, 'tier' | 'sigs'>, rules: ChangeRules): string[] {
  const sigs = change.tier === 'high' ? [...rules.consultation, ...change.sigs] : change.sigs;
  return [...new Set(sigs.map((s) => rules.sigs.get(s)?.channel).filter((c): c is string => !!c && c !== rules.channel))];
}

