import type { KnownBlock } from '@slack/types';
import { z } from 'zod';
import type { Notifier } from '../../core/notifier.ts';
import { defineJob } from '../../platform/jobs/define-job.ts';
import { deliverOnce, type Effect } from '../../platform/outbox/effects.ts';
import type { Message } from '../views/incident-messages.ts';

const payload = z.object({
  incidentId: z.string(),
  /** A channel id, or the announcements channel's name. */
  channel: z.string(),
  /** Rendered when the change was made: the post says what was true then. */
  message: z.object({ text: z.string(), blocks: z.array(z.record(z.string(), z.unknown())) }),
});

export interface PostIncidentMessageDeps {
  /** Keyed posts: each carries its key, and a retry looks for it before posting again. */
  deliveries: Pick<Notifier, 'post'>;
}

/**
 * One post about an incident, queued with the change it tells of (so it is never lost), keyed on
 * the job's id: a retry after an uncertain failure or a restart finds the message Slack already
 * has instead of posting it again.
 */
export const postIncidentMessageJob = defineJob('incident.post', payload, async (p, ctx, deps: PostIncidentMessageDeps) => {
  // Blocks were built by this capability's own views and stored as they were.
  const message = { text: p.message.text, blocks: p.message.blocks as unknown as KnownBlock[] };
  await deps.deliveries.post(p.channel, message, { key: ctx.job.id, checkFirst: ctx.job.attempts > 1 });
});

/** The post as an effect of the change: delivered once per `key`, however often the change is retried. */
export function postDelivery(key: string, incidentId: string, channel: string, message: Message, now: Date): Effect {
  return deliverOnce(key, postIncidentMessageJob.request({ id: key, dueAt: now, payload: { incidentId, channel, message: { text: message.text, blocks: message.blocks as unknown as Record<string, unknown>[] } } }));
}
