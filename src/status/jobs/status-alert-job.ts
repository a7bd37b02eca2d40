import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.ts';
import { deliverOnce, type Effect } from '../../platform/outbox/effects.ts';
import { PROBE_STATES } from '../domain/probe.ts';
import { TRANSITION_KINDS, type StateTransition } from '../domain/track-service-state.ts';
import { postStatusAlert, type PostStatusAlertDeps } from '../use-cases/post-status-alert.ts';

const isoDate = z.iso.datetime().transform((s) => new Date(s));

/** A StateTransition with its times as ISO strings (rows already queued keep this shape). */
const statusAlertPayload = z.object({
  transition: z.object({
    serviceId: z.string(),
    kind: z.enum(TRANSITION_KINDS),
    from: z.enum(PROBE_STATES).nullable(),
    to: z.enum(PROBE_STATES),
    since: isoDate,
    at: isoDate,
    detail: z.string(),
  }),
});

/**
 * Posts one confirmed state change to #k8s-infra-alerts, keyed on the job's id (a retry, or a
 * replica taking over after a crash, finds the post Slack already has), in order per service.
 */
export const statusAlertJob = defineJob('status-alert', statusAlertPayload, async (payload, ctx, deps: PostStatusAlertDeps) => {
  await postStatusAlert(deps, payload.transition, { key: ctx.job.id, run: `${ctx.job.id}#${ctx.worker}:${ctx.job.attempts}`, retry: ctx.job.attempts > 1, signal: ctx.signal });
});

/** The alert of a transition, queued with the check that confirmed it; keyed on the service and the moment. */
export function alertDelivery(t: StateTransition): Effect {
  const key = `${statusAlertJob.kind}:${t.serviceId}:${t.at.toISOString()}`;
  const payload = { transition: { ...t, since: t.since.toISOString(), at: t.at.toISOString() } };
  return deliverOnce(key, statusAlertJob.request({ id: key, dueAt: t.at, payload }));
}
