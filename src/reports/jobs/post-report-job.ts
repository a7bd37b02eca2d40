import { z } from 'zod';
import type { Notifier } from '../../core/notifier.ts';
import type { ReportBuilder } from '../../platform/capability.ts';
import { defineJob } from '../../platform/jobs/define-job.ts';
import { PermanentJobError } from '../../platform/jobs/permanent-job-error.ts';
import type { AuditLog } from '../../platform/store/audit-log.ts';
import type { Schedule } from '../config.ts';
import { lateNotice } from '../views/late-notice.ts';

const payload = z.object({ schedule: z.string().min(1), slot: z.iso.datetime(), late: z.boolean().default(false) });

export interface PostReportDeps {
  schedules: readonly Schedule[];
  report(name: string): ReportBuilder | undefined;
  deliveries: Pick<Notifier, 'post'>;
  audit: Pick<AuditLog, 'record'>;
}

/**
 * One firing of a schedule: builds its report as of the slot and posts it, keyed on the job's id
 * (schedule and slot), so a retry after an uncertain failure finds the post instead of repeating it.
 */
export const postReportJob = defineJob('reports.post', payload, async (p, ctx, deps: PostReportDeps) => {
  const schedule = deps.schedules.find((s) => s.name === p.schedule);
  if (!schedule) throw new PermanentJobError(`schedule ${p.schedule} is no longer in the config`);
  const build = deps.report(schedule.report);
  if (!build) throw new PermanentJobError(`no running capability gives the report ${schedule.report}`);
  const slot = new Date(p.slot);
  const report = await build({ now: slot, timezone: schedule.timezone });
  const message = p.late ? lateNotice(report, slot, schedule.timezone) : report;
  const posted = await deps.deliveries.post(schedule.channel, message, { key: ctx.job.id, checkFirst: ctx.job.attempts > 1 });
  await deps.audit.record({ at: ctx.now, actor: 'reports', action: 'reports.posted', subject: `schedule:${schedule.name}`, payload: { slot: p.slot, report: schedule.report, channel: posted.channel, ts: posted.ts, late: p.late } });
});
