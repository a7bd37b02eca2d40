import type { IncidentRole } from '../domain/incident.ts';
import * as lifecycle from '../domain/incident-lifecycle.ts';
import type { IncidentActor } from '../domain/incident-policy.ts';
import { inviteDelivery } from '../jobs/invite-to-channel.ts';
import { announceChange, postKey, type AnnounceDeps } from './announce-change.ts';
import { applyTransition, type TransitionDeps, type TransitionOutcome } from './apply-transition.ts';

export type AssignRoleDeps = TransitionDeps & AnnounceDeps;

/** Commander, comms or scribe (commander, leads, or the declarer until a commander took charge): the person joins the channel and the channel is told. */
export async function assignRole(deps: AssignRoleDeps, incidentId: string, role: IncidentRole, userId: string, by: IncidentActor, key: string): Promise<TransitionOutcome> {
  return applyTransition(deps, {
    incidentId,
    key,
    actor: by,
    permission: 'assign-role',
    action: 'incident.role_assigned',
    make: (incident, now) => lifecycle.assignRole(incident, role, userId, by.slackId, now),
    effects: (after, now, entries) => [
      ...(after.channelId ? [inviteDelivery(postKey(after.id, key, 'invite'), after.channelId, [userId], now)] : []),
      ...announceChange(deps, after, entries, key, false, now),
    ],
  });
}
