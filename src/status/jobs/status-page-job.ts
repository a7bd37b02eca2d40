import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.ts';
import { deliverOnce, type Effect } from '../../platform/outbox/effects.ts';
import { PAGE_ACTIONS, type PageRequest } from '../domain/track-service-state.ts';
import { deliverStatusPage, type DeliverStatusPageDeps } from '../use-cases/deliver-status-page.ts';

const statusPagePayload = z.object({
  page: z.object({ action: z.enum(PAGE_ACTIONS), serviceId: z.string(), dedupKey: z.string(), detail: z.string() }),
  /** When the state that caused it became official (ISO, as stored); part of the idempotency key of a new page. */
  at: z.iso.datetime(),
});

/** Raises or resolves the page of a `pageOnDown` service. */
export const statusPageJob = defineJob('status-page', statusPagePayload, (payload, ctx, deps: DeliverStatusPageDeps) => deliverStatusPage(deps, payload.page, payload.at, ctx.now));

/** The page request of a check, queued with it; keyed on the service, the action and the moment. */
export function pageDelivery(page: PageRequest, at: Date): Effect {
  const key = `${statusPageJob.kind}:${page.serviceId}:${page.action}:${at.toISOString()}`;
  return deliverOnce(key, statusPageJob.request({ id: key, dueAt: at, payload: { page, at: at.toISOString() } }));
}
