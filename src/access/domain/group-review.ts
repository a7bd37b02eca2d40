import type { AccessRequest } from './access-request.ts';

/** One member of a group under review: how the address got there, as far as the bot knows. */
export interface ReviewedMember {
  address: string;
  /** The request that granted it (the latest one still in force), if the bot made it. */
  grantedBy?: { requestId: string; requester: string; justification: string; at: string; until?: string; pullRequest?: { number: number; url: string } };
}

const IN_FORCE = new Set(['fulfilled', 'removal_pr_opened', 'expiring']);

/**
 * The members of a group with when and why each was added through the bot: the latest request
 * in force for the address; members added by hand (before the bot, or outside it) have none and
 * are looked up in the file's git history. Pure.
 */
export function reviewGroupMembers(members: readonly string[], requests: readonly AccessRequest[]): ReviewedMember[] {
  const latest = new Map<string, AccessRequest>();
  for (const r of requests) {
    if (!IN_FORCE.has(r.status)) continue;
    const key = r.memberEmail.trim().toLowerCase();
    const known = latest.get(key);
    if (!known || known.updatedAt < r.updatedAt) latest.set(key, r);
  }
  return members.map((address) => {
    const r = latest.get(address.trim().toLowerCase());
    if (!r) return { address };
    return {
      address,
      grantedBy: {
        requestId: r.id,
        requester: r.requester.github ?? r.requester.slackUserId,
        justification: r.justification,
        at: r.updatedAt,
        ...(r.until ? { until: r.until } : {}),
        ...(r.pullRequest ? { pullRequest: { number: r.pullRequest.number, url: r.pullRequest.url } } : {}),
      },
    };
  });
}
