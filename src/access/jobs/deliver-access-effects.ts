import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.ts';
import { deliverAccessEffects, type DeliverAccessEffectsDeps } from '../use-cases/deliver-access-effects.ts';

const common = { key: z.string().min(1), requestId: z.string().min(1) };

/**
 * One delivery, as the domain's effect is stored in the row (JSON: the audit entry's time is
 * an ISO string there, a Date when scheduled).
 */
const deliveryEffect = z.discriminatedUnion('type', [
  z.object({ type: z.literal('post-approval-request'), ...common, channel: z.string(), approvers: z.array(z.string()) }),
  z.object({ type: z.literal('update-approval-message'), ...common }),
  z.object({ type: z.literal('notify-requester'), ...common, slackUserId: z.string(), text: z.string() }),
  z.object({ type: z.literal('notify-approvers'), ...common, approvers: z.array(z.string()), text: z.string() }),
  z.object({ type: z.literal('notify-expiry'), ...common, days: z.number().int(), approvers: z.array(z.string()) }),
  z.object({
    type: z.literal('audit'),
    key: z.string().min(1),
    entry: z.object({ at: z.coerce.date(), actor: z.string(), action: z.string(), subject: z.string(), payload: z.record(z.string(), z.unknown()) }),
  }),
]);

/** `access.effects`: the request's Slack messages and audit copies after a change committed (the outbox). */
export const deliverAccessEffectsJob = defineJob(
  'access.effects',
  z.object({ requestId: z.string().min(1), effects: z.array(deliveryEffect) }),
  (payload, _ctx, deps: DeliverAccessEffectsDeps) => deliverAccessEffects(deps, payload.requestId, payload.effects),
);
