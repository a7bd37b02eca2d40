import { defineJob } from '../../platform/jobs/define-job.ts';
import { postChangeMessage, type PostChangeMessageDeps } from '../use-cases/post-change-message.ts';
import { changeIdPayload } from './payloads.ts';

/** Right after the announcement commits: the author's modal closed at once, the post happens here. */
export const postChangeMessageJob = defineJob('changes.post-message', changeIdPayload, (p, ctx, deps: PostChangeMessageDeps) => postChangeMessage(deps, p.changeId, ctx.job.id, ctx.job.attempts));
