import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.ts';
import type { Notifier } from '../../core/notifier.ts';

export interface TellPersonDeps {
  notifier: Pick<Notifier, 'dm'>;
}

/**
 * A DM from the owners capability (a reveal told to the person, a statement-of-intent request),
 * delivered once: the job id is the delivery key, and a retry looks for it before posting again.
 */
export const tellPersonJob = defineJob(
  'owners.tell-person',
  z.object({ slackId: z.string(), text: z.string(), blocks: z.array(z.unknown()).optional() }),
  async (p, ctx, deps: TellPersonDeps) => {
    await deps.notifier.dm(p.slackId, { text: p.text, ...(p.blocks ? { blocks: p.blocks } : {}) }, { key: ctx.job.id, checkFirst: ctx.job.attempts > 1 });
  },
);
