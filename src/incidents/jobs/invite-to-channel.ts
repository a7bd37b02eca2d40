import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.ts';
import { schedule, type Effect } from '../../platform/outbox/effects.ts';
import type { IncidentChannels } from '../ports/incident-channels.ts';

export interface InviteToChannelDeps {
  channels: Pick<IncidentChannels, 'invite'>;
}

/** Someone given a role joins the incident's channel; after the change commits, never inside it. */
export const inviteToChannelJob = defineJob('incident.invite', z.object({ channelId: z.string(), users: z.array(z.string()) }), async (p, _ctx, deps: InviteToChannelDeps) => {
  await deps.channels.invite(p.channelId, p.users);
});

export function inviteDelivery(key: string, channelId: string, users: string[], now: Date): Effect {
  return schedule(inviteToChannelJob.request({ id: key, dueAt: now, payload: { channelId, users } }));
}
