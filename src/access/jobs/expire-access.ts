import { defineJob } from '../../platform/jobs/define-job.ts';
import { expireAccess, type ExpireAccessDeps } from '../use-cases/expire-access.ts';
import { requestIdPayload } from './request-id-payload.ts';

/** `access.expiry`: temporary access is over; asks for the removal pull request. */
export const expireAccessJob = defineJob('access.expiry', requestIdPayload, (payload, ctx, deps: ExpireAccessDeps) => expireAccess(deps, payload.requestId, ctx));
