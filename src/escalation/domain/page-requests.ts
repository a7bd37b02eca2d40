import type { PageActor } from './page-permissions.ts';

/** The window people not in the config are counted over. */
export const PAGE_REQUEST_WINDOW_MS = 60 * 60_000;

export type Admission = { admitted: true } | { admitted: false; count: number; limit: number; retryAt: Date };

/**
 * Whether a person's page request goes ahead. Anyone may page (community members report outages),
 * and people in the config always may; someone the config does not know may `limit` times in an
 * hour (raised or joined alike: each one is a line in front of the on-call), so one account cannot
 * flood the channel or the timeline. `recentAt` are their earlier requests (epoch ms).
 */
export function admitPageRequest(actor: PageActor, recentAt: readonly number[], limit: number, now: Date): Admission {
  if (actor.kind === 'person') return { admitted: true };
  const since = now.getTime() - PAGE_REQUEST_WINDOW_MS;
  const recent = recentAt.filter((t) => t > since).sort((a, b) => a - b);
  if (recent.length < limit) return { admitted: true };
  // The request that frees a slot is the one `limit` places back from the newest.
  const freeing = recent[recent.length - limit] ?? recent[0]!;
  return { admitted: false, count: recent.length, limit, retryAt: new Date(freeing + PAGE_REQUEST_WINDOW_MS) };
}
