import type { CatalogGroup, GroupCatalog } from './group-catalog.ts';

export interface GroupSearchHit {
  emailId: string;
  name: string;
  description: string;
  /** Lower is better. */
  rank: number;
}

/** Slack's external select accepts at most 100 options. */
export const MAX_GROUP_OPTIONS = 100;

// Match quality per query term; lower is better.
const EXACT = 0;
const NAME_PREFIX = 1;
const EMAIL_PREFIX = 2;
const WORD_PREFIX = 3;
const SUBSTRING = 4;

function termRank(term: string, group: CatalogGroup): number | undefined {
  const name = group.name.toLowerCase();
  const email = group.emailId.toLowerCase();
  if (name === term || email === term) return EXACT;
  if (name.startsWith(term)) return NAME_PREFIX;
  if (email.startsWith(term)) return EMAIL_PREFIX;
  // Start of a dash/dot/at-separated word: "admins" finds k8s-infra-dns-admins.
  const words = `${name} ${email}`.split(/[-_.@\s]+/);
  if (words.some((w) => w.startsWith(term))) return WORD_PREFIX;
  if (name.includes(term) || email.includes(term)) return SUBSTRING;
  return undefined;
}

/**
 * Groups for the access modal's external select: every whitespace-separated term must match the
 * e-mail id or name (exact, then prefix, then word prefix, then substring); best first, then
 * shorter names, then alphabetical; at most `limit` (100, Slack's cap).
 */
export function searchGroups(catalog: Pick<GroupCatalog, 'groups'>, query: string, limit = MAX_GROUP_OPTIONS): GroupSearchHit[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  const hits: GroupSearchHit[] = [];
  for (const g of catalog.groups) {
    let worst = 0;
    let total = 0;
    let matched = true;
    for (const t of terms) {
      const r = termRank(t, g);
      if (r === undefined) {
        matched = false;
        break;
      }
      worst = Math.max(worst, r);
      total += r;
    }
    if (!matched) continue;
    hits.push({ emailId: g.emailId, name: g.name, description: g.description, rank: worst * 100 + total });
  }
  const alphabetical = (a: GroupSearchHit, b: GroupSearchHit) => (a.emailId < b.emailId ? -1 : a.emailId > b.emailId ? 1 : 0);
  // With no query every group ties: list them alphabetically.
  hits.sort(terms.length === 0 ? alphabetical : (a, b) => a.rank - b.rank || a.name.length - b.name.length || alphabetical(a, b));
  return hits.slice(0, Math.max(0, Math.min(limit, MAX_GROUP_OPTIONS)));
}
