import type { PullRequestRef } from '../domain/change.ts';
import type { Tier } from '../domain/tier.ts';
import { analysePullRequest, PullRequestGone } from './analyse-pull-request.ts';
import type { ChangeDeps } from './change-deps.ts';

export type PrPreview = { ok: true; pathTier: Tier; fileCount: number; rules: string[]; approvers: string[] } | { ok: false; error: string; missing: boolean };

/** What the form shows about a PR before the change is announced: the tier its files suggest, and who approves them. */
export async function previewPullRequest(deps: Pick<ChangeDeps, 'pulls' | 'pathRules' | 'log'>, pr: PullRequestRef): Promise<PrPreview> {
  try {
    const a = await analysePullRequest({ pulls: deps.pulls, pathRules: deps.pathRules, log: deps.log }, pr);
    return { ok: true, pathTier: a.pathTier, fileCount: a.fileCount, rules: [...new Set(a.matches.filter((m) => m.tier === a.pathTier).map((m) => m.rule))], approvers: a.approvers };
  } catch (err) {
    if (err instanceof PullRequestGone) return { ok: false, error: `${err.message}.`, missing: true };
    return { ok: false, error: `Could not read the pull request's files (${err instanceof Error ? err.message : String(err)}); they are read again after you announce the change.`, missing: false };
  }
}
