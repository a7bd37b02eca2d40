import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.ts';
import { recordOnGithub, type RecordOnGithubDeps } from '../use-cases/comment-on-github.ts';
import { githubActionSchema } from './payloads.ts';

/** The change's GitHub record, written from the outbox so GitHub being down never blocks Slack. */
export const recordOnGithubJob = defineJob('changes.github', z.object({ changeId: z.string(), key: z.string(), action: githubActionSchema }), (p, ctx, deps: RecordOnGithubDeps) =>
  recordOnGithub(deps, p.changeId, p.action, ctx.job.attempts),
);
