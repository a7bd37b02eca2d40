import type { PrAnalysis, PullRequestRef } from '../domain/change.ts';
import { ownersDirs, ownersOf, parseOwnersAliases, parseOwnersFile, type OwnersFile } from '../domain/owners-files.ts';
import { matchPathRules, needsContent, ruleCovers, type ChangedFile, type PathRule } from '../domain/path-rules.ts';
import type { PullRequestReader } from '../ports/pull-request-reader.ts';

/** The pull request does not exist (or is not a pull request): no retry will change that. */
export class PullRequestGone extends Error {}

/** Files whose content a rule reads (each read twice: before and after); more are judged unread, to be safe. */
const MAX_CONTENT_FILES = 20;
/** Folders whose OWNERS file is read; a PR spanning more takes the deepest ones. */
const MAX_OWNERS_DIRS = 60;
const PARALLEL_READS = 4;
const FILES_KEPT = 100;

async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export interface AnalysePullRequestDeps {
  pulls: PullRequestReader;
  pathRules: readonly PathRule[];
  log?: { warn(obj: object, msg: string): void };
}

/**
 * Reads a PR's changed files and what the path rules need of them (each side of a file a
 * content rule covers), and the OWNERS files of their folders on the base side (as Prow reads
 * them, aliases expanded), and says which rules apply and who approves.
 */
export async function analysePullRequest(deps: AnalysePullRequestDeps, pr: PullRequestRef): Promise<PrAnalysis> {
  const head = await deps.pulls.head(pr.repo, pr.number);
  if (head === 'not-found') throw new PullRequestGone(`there is no pull request #${pr.number} in ${pr.repo}`);
  const { files: listed, total } = await deps.pulls.files(pr.repo, pr.number);
  const files: ChangedFile[] = listed.map((f) => ({ path: f.path, previousPath: f.previousPath, status: f.status }));

  const contentRules = deps.pathRules.filter(needsContent);
  const needing = files.filter((f) => contentRules.some((r) => ruleCovers(r, f)));
  await mapLimit(needing, PARALLEL_READS, async (f) => {
    if (needing.indexOf(f) >= MAX_CONTENT_FILES) {
      f.unreadable = `more than ${MAX_CONTENT_FILES} such files in one pull request`;
      return;
    }
    try {
      if (f.status !== 'added') f.before = await deps.pulls.file(pr.repo, f.previousPath ?? f.path, head.baseRef);
      if (f.status !== 'removed') f.after = await deps.pulls.file(pr.repo, f.path, head.headSha);
    } catch (err) {
      f.unreadable = err instanceof Error ? err.message : String(err);
    }
  });
  const { matches, pathTier } = matchPathRules(files, deps.pathRules);

  const dirs = ownersDirs(files.map((f) => f.path)).slice(0, MAX_OWNERS_DIRS);
  const byDir = new Map<string, OwnersFile>();
  await mapLimit(dirs, PARALLEL_READS, async (dir) => {
    const text = await deps.pulls.file(pr.repo, dir ? `${dir}/OWNERS` : 'OWNERS', head.baseRef);
    if (text === undefined) return;
    try {
      byDir.set(dir, parseOwnersFile(dir, text));
    } catch (err) {
      deps.log?.warn({ dir, err: err instanceof Error ? err.message : String(err) }, 'an OWNERS file of the pull request does not parse; skipped');
    }
  });
  let aliasesText: string | undefined;
  try {
    aliasesText = await deps.pulls.file(pr.repo, 'OWNERS_ALIASES', head.baseRef);
  } catch (err) {
    deps.log?.warn({ err: err instanceof Error ? err.message : String(err) }, 'could not read OWNERS_ALIASES; aliases stay unexpanded');
  }
  let aliases = parseOwnersAliases(undefined);
  try {
    aliases = parseOwnersAliases(aliasesText);
  } catch (err) {
    deps.log?.warn({ err: err instanceof Error ? err.message : String(err) }, 'OWNERS_ALIASES does not parse; aliases stay unexpanded');
  }
  const owners = ownersOf(files.map((f) => f.path), byDir, aliases);
  return {
    fileCount: total,
    files: files.slice(0, FILES_KEPT).map((f) => f.path),
    matches,
    pathTier,
    owners: owners.entries,
    approvers: owners.approvers,
    author: head.author,
    headSha: head.headSha,
  };
}
