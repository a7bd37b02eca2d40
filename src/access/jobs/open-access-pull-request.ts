import { defineJob } from '../../platform/jobs/define-job.ts';
import { openPendingPullRequest, type OpenPendingPullRequestDeps } from '../use-cases/open-access-pull-request.ts';
import { requestIdPayload } from './request-id-payload.ts';

/** `access.open-pr`: the pull request that adds (approved) or removes (expired) the member; retried with backoff. */
export const openAccessPullRequestJob = defineJob('access.open-pr', requestIdPayload, (payload, ctx, deps: OpenPendingPullRequestDeps) =>
  openPendingPullRequest(deps, payload.requestId, ctx),
);
