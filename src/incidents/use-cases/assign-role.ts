import type { IncidentRole } from '../domain/incident.ts';
import * as lifecycle from '../domain/incident-lifecycle.ts';
import type { IncidentChannels } from '../ports/incident-channels.ts';
import { announceChange, type AnnounceDeps } from './announce-change.ts';
import { applyTransition, type TransitionDeps, type TransitionOutcome } from './apply-transition.ts';

export type AssignRoleDeps = TransitionDeps &
  AnnounceDeps & {
    channels: Pick<IncidentChannels, 'invite'>;
  };

/** Commander, comms or scribe: the person joins the channel and the channel is told. */
export async function assignRole(deps: AssignRoleDeps, incidentId: string, role: IncidentRole, userId: string, by: string, key: string): Promise<TransitionOutcome> {
  const r = await applyTransition(deps, {
    incidentId,
    key,
    actor: by,
    action: 'incident.role_assigned',
    make: (incident, now) => lifecycle.assignRole(incident, role, userId, by, now),
  });
  if (r.ok) {
    if (r.after.channelId) await deps.channels.invite(r.after.channelId, [userId]).catch((err: unknown) => deps.log.warn({ err }, 'could not invite'));
    await announceChange(deps, r.after, r.entries, false);
  }
  return r;
}
