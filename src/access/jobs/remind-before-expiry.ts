import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.ts';
import { remindBeforeExpiry, type RemindBeforeExpiryDeps } from '../use-cases/remind-before-expiry.ts';

/**
 * `access.expiry-reminder`: `days` before temporary access ends (`access.reminderDaysBeforeExpiry`);
 * rows scheduled before reminders had days carry none and send the one reminder of that time.
 */
export const remindBeforeExpiryJob = defineJob('access.expiry-reminder', z.object({ requestId: z.string().min(1), days: z.number().int().positive().optional() }), (payload, ctx, deps: RemindBeforeExpiryDeps) =>
  remindBeforeExpiry(deps, payload.requestId, ctx, payload.days),
);
