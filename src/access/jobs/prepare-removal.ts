import { defineJob } from '../../platform/jobs/define-job.ts';
import { prepareRemoval, type PrepareRemovalDeps } from '../use-cases/prepare-removal.ts';
import { requestIdPayload } from './request-id-payload.ts';

/** `access.prepare-removal`: the removal branch of a temporary grant, made the day it is granted. */
export const prepareRemovalJob = defineJob('access.prepare-removal', requestIdPayload, (payload, ctx, deps: PrepareRemovalDeps) => prepareRemoval(deps, payload.requestId, ctx));
