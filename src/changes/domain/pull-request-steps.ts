import { escapeMrkdwn } from '../../core/mrkdwn.ts';
import { needsLazyConsensus, newLazyConsensus, type Change, type PrAnalysis } from './change.ts';
import { askAndShare } from './announce.ts';
import { audited, note, type Intent, type Step } from './intents.ts';
import type { ChangeRules } from './rules.ts';
import { maxTier, tierRank, TIER_LABEL } from './tier.ts';

/**
 * The PR's files are read: the tier rises if a path rule says so (never falls), the OWNERS
 * approvers become the suggested reviewers, and a change that now needs lazy consensus gets
 * its issue.
 */
export function applyPrAnalysis(change: Change, analysis: PrAnalysis, suggested: readonly string[], rules: ChangeRules): Step {
  if (change.prAnalysisState === 'done') return { ok: false, reason: 'already read', already: true };
  const tier = maxTier(change.tier, analysis.pathTier);
  const raised = tierRank(tier) > tierRank(change.tier);
  const matched = analysis.matches.filter((m) => m.tier === analysis.pathTier);
  const reasons = raised ? [...change.tierReasons, `path rules: ${[...new Set(matched.map((m) => m.rule))].join(', ')}`] : change.tierReasons;
  const lazy = change.lazy ?? (needsLazyConsensus(tier, rules.mediumNeedsLazyConsensus) ? newLazyConsensus() : null);
  const after: Change = {
    ...change,
    tier,
    tierReasons: reasons,
    prAnalysis: analysis,
    prAnalysisState: 'done',
    prAnalysisError: null,
    suggestedReviewers: [...new Set(suggested)].filter((s) => s !== change.author),
    lazy,
  };
  const rules_ = analysis.matches.length
    ? analysis.matches.map((m) => `${escapeMrkdwn(m.rule)} (${TIER_LABEL[m.tier].toLowerCase()}): \`${escapeMrkdwn(m.path)}\``).join('; ')
    : 'no path rule matched';
  const intents: Intent[] = [
    { kind: 'refresh' },
    note('pr-read', `Read ${analysis.fileCount} changed file${analysis.fileCount === 1 ? '' : 's'} of the pull request. ${rules_}.${analysis.approvers.length ? ` OWNERS approvers: ${analysis.approvers.slice(0, 12).map((a) => escapeMrkdwn(a)).join(', ')}.` : ''}`),
    audited('change.pr_read', 'system', { pathTier: analysis.pathTier, tier, raised, files: analysis.fileCount, matches: analysis.matches.map((m) => m.rule) }),
  ];
  if (raised) {
    intents.push(note('tier-raised', `:arrow_up: The tier is now *${TIER_LABEL[tier]}* (was ${TIER_LABEL[change.tier].toLowerCase()}): the pull request's files match ${[...new Set(matched.map((m) => escapeMrkdwn(m.rule)))].join(', ')}.${after.rollbackPlan ? '' : ` The charter asks for a rollback plan at this tier: <@${change.author}>, give it here for the reviewers.`}`));
  }
  intents.push(...askAndShare(after, rules));
  if (after.lazy && !after.lazy.issue) intents.push({ kind: 'github', key: 'issue', action: { kind: 'open-issue' } });
  return { ok: true, change: after, intents };
}

/** The PR could not be read for good (gone, or not a pull request): carry on without its files. */
export function prAnalysisFailed(change: Change, why: string): Step {
  if (change.prAnalysisState !== 'pending') return { ok: false, reason: 'already settled', already: true };
  const after: Change = { ...change, prAnalysisState: 'failed', prAnalysisError: why };
  const intents: Intent[] = [
    { kind: 'refresh' },
    note('pr-failed', `:warning: Could not read the pull request's files (${escapeMrkdwn(why)}): the tier stays as the answers put it, and no reviewers come from OWNERS.`),
    audited('change.pr_unreadable', 'system', { why }),
  ];
  if (after.lazy && !after.lazy.issue) intents.push({ kind: 'github', key: 'issue', action: { kind: 'open-issue' } });
  return { ok: true, change: after, intents };
}
