import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.ts';
import { deliverOnce, type Effect } from '../../platform/outbox/effects.ts';
import { closeIssue, type CloseIssueDeps } from '../use-cases/close-issue.ts';
import { commentOnIssue, type CommentOnIssueDeps } from '../use-cases/comment-on-issue.ts';
import { openIssue, type OpenIssueDeps } from '../use-cases/open-issue.ts';

const payload = z.discriminatedUnion('action', [
  z.object({ incidentId: z.string(), action: z.literal('create') }),
  z.object({ incidentId: z.string(), action: z.literal('comment'), body: z.string() }),
  z.object({ incidentId: z.string(), action: z.literal('close') }),
]);

export type RecordOnGithubDeps = OpenIssueDeps & CommentOnIssueDeps & CloseIssueDeps;

/** The incident's GitHub record, written from the outbox so a GitHub outage never blocks Slack. */
export const recordOnGithubJob = defineJob('incident.github', payload, async (p, ctx, deps: RecordOnGithubDeps) => {
  switch (p.action) {
    case 'create':
      return openIssue(deps, p.incidentId, ctx.job.attempts);
    case 'comment':
      return commentOnIssue(deps, p.incidentId, p.body, ctx.job.id, ctx.job.attempts);
    case 'close':
      return closeIssue(deps, p.incidentId, ctx.job.id, ctx.job.attempts);
  }
});

/** A GitHub write delivered once per `key`, however often the change that asks for it is retried. */
export function githubDelivery(key: string, request: z.input<typeof payload>, now: Date): Effect {
  return deliverOnce(key, recordOnGithubJob.request({ id: key, dueAt: now, payload: request }));
}
