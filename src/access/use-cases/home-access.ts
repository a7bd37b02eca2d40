import type { HomeViewer } from '../../platform/home/home-contract.ts';
import type { AccessRequest } from '../domain/access-request.ts';
import { listAccessRequests, type ListAccessRequestsDeps } from './list-access-requests.ts';

/** "Ending soon": temporary access whose removal starts within this many days. */
export const ENDING_SOON_DAYS = 7;

/** Approvals waiting for the person, and their temporary access that ends within a week. */
export async function homeAccess(deps: ListAccessRequestsDeps, viewer: HomeViewer, now: Date): Promise<{ waiting: AccessRequest[]; endingSoon: AccessRequest[] }> {
  const { mine, waiting } = await listAccessRequests(deps, viewer.slackUserId);
  const horizon = now.getTime() + ENDING_SOON_DAYS * 86_400_000;
  const endingSoon = mine.filter((r) => r.status === 'fulfilled' && r.expiresAt !== undefined && Date.parse(r.expiresAt) <= horizon && Date.parse(r.expiresAt) > now.getTime());
  return { waiting, endingSoon };
}
