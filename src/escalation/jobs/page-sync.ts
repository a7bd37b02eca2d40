import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.ts';
import { syncPageMessages, type SyncPageMessagesDeps } from '../use-cases/sync-page-messages.ts';

/** `page-sync`: every change of a page is shown on Slack; one job per version (`page-sync:<page id>:<version>`). */
export const pageSyncJob = defineJob('page-sync', z.object({ pageId: z.string() }), async ({ pageId }, ctx, deps: SyncPageMessagesDeps) => {
  await syncPageMessages(deps, pageId, ctx.now);
});
