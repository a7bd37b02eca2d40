import { defineJob } from '../../platform/jobs/define-job.ts';
import { readPullRequest, type ReadPullRequestDeps } from '../use-cases/read-pull-request.ts';
import { changeIdPayload } from './payloads.ts';

/** Classifies the change from its PR's files, after the announcement (GitHub may be slow or down). */
export const readPullRequestJob = defineJob('changes.read-pr', changeIdPayload, (p, ctx, deps: ReadPullRequestDeps) => readPullRequest(deps, p.changeId, ctx.job.attempts));
