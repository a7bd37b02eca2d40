import { defineJob } from '../../platform/jobs/define-job.ts';
import { remindBeforeExpiry, type RemindBeforeExpiryDeps } from '../use-cases/remind-before-expiry.ts';
import { requestIdPayload } from './request-id-payload.ts';

/** `access.expiry-reminder`: a few days before temporary access ends (`access.reminderDaysBeforeExpiry`). */
export const remindBeforeExpiryJob = defineJob('access.expiry-reminder', requestIdPayload, (payload, ctx, deps: RemindBeforeExpiryDeps) =>
  remindBeforeExpiry(deps, payload.requestId, ctx),
);
