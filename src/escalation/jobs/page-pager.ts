import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.ts';
import { JOB_PRIORITY } from '../../platform/jobs/job-priority.ts';
import { SEVERITIES } from '../domain/directory.ts';
import type { PagerEffect } from '../domain/effects.ts';
import { pagerActionWanted } from '../domain/escalation-engine.ts';
import { recordPagerOutcome } from '../domain/record-pager-outcome.ts';
import type { Pager } from '../ports/pager.ts';
import type { PageStore } from '../ports/page-store.ts';
import type { PagingMetrics } from '../ports/paging-metrics.ts';

/** The payload is the escalation's `pager` effect as it was queued (rows in flight have this shape). */
const pagerEffectSchema = z.object({
  kind: z.literal('pager'),
  key: z.string(),
  action: z.enum(['trigger', 'acknowledge', 'resolve']),
  attempt: z.number().int().min(1),
  dueAt: z.string().optional(),
  alert: z.object({
    pageId: z.string(),
    subprojectId: z.string(),
    severity: z.enum(SEVERITIES),
    summary: z.string(),
    details: z.string(),
    createdAt: z.string(),
    createdBy: z.string(),
  }),
}) satisfies z.ZodType<PagerEffect>;

export interface PagePagerDeps {
  pages: Pick<PageStore, 'load' | 'transition'>;
  pager: Pager;
  metrics: Pick<PagingMetrics, 'pagerCall'>;
}

/**
 * `page-pager`: one PagerDuty call (first try or a retry, job id `page-pager:<effect key>`), made
 * only while it still makes sense for the page as it is now; its outcome (and any retry) is
 * written onto the page.
 */
export const pagePagerJob = defineJob('page-pager', pagerEffectSchema, async (effect, ctx, deps: PagePagerDeps) => {
  const page = await deps.pages.load(effect.alert.pageId);
  if (!page || !pagerActionWanted(page, effect.action)) return;
  const outcome =
    effect.action === 'trigger' ? await deps.pager.trigger(effect.alert) : await deps.pager[effect.action]({ pageId: effect.alert.pageId, subprojectId: effect.alert.subprojectId });
  deps.metrics.pagerCall(effect.action, outcome.kind);
  await deps.pages.transition(page.id, ctx.now, (s) => recordPagerOutcome(s, effect, outcome, ctx.now));
}, { priority: JOB_PRIORITY.delivery });
