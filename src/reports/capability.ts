import { PAGING_API } from '../escalation/api.ts';
import { INCIDENTS_API } from '../incidents/api.ts';
import type { CapabilityModule } from '../platform/capability.ts';
import { reportsConfig, type Schedule } from './config.ts';
import { nodeCronTicker } from './cron/node-cron-ticker.ts';
import { REPORTS_IDS } from './ids.ts';
import { postReportJob } from './jobs/post-report-job.ts';
import type { ScheduleTicker, TickingSchedule } from './ports/schedule-ticker.ts';
import * as m0011 from './store/migrations/0011-reports.ts';
import type { ReportsTables } from './store/tables.ts';
import { buildOpenSummary } from './use-cases/build-open-summary.ts';
import { catchUpSchedules } from './use-cases/catch-up-schedules.ts';
import { claimFiring } from './use-cases/claim-firing.ts';

export interface ReportsOptions {
  /** What fires the schedules (default: node-cron); a test passes one it fires by hand. */
  ticker?: ScheduleTicker;
}

/**
 * Scheduled reports: `schedules:` posts a report some capability contributes (`oncall-digest`,
 * `staffing`, this capability's `open-summary`) to a channel on a cron expression in a timezone.
 * Each firing is claimed in the database by (schedule, slot), so with any number of replicas one
 * posts; a firing missed while no replica ran is posted late once or skipped.
 */
export function reportsModule(options: ReportsOptions = {}): CapabilityModule<typeof reportsConfig> {
  return {
    name: 'reports',
    config: reportsConfig,
    migrations: { '0011-reports': m0011 },
    ids: REPORTS_IDS,
    reports: ['open-summary'],
    define(platform, schedules) {
      const ticker = options.ticker ?? nodeCronTicker(platform.log.child({ component: 'reports' }));
      const deps = { db: platform.db.withTables<ReportsTables>(), commit: platform.commit };
      const running: { schedule: Schedule; ticking: TickingSchedule }[] = schedules.map((schedule) => ({
        schedule,
        ticking: ticker.create(schedule, (slot) => claimFiring(deps, schedule, slot)),
      }));
      return {
        jobs: [postReportJob.bind({ schedules, report: (name) => platform.report(name), deliveries: platform.notifier, audit: platform.audit })],
        reports: {
          'open-summary': (ctx) => buildOpenSummary({ paging: platform.use(PAGING_API), incidents: platform.use(INCIDENTS_API), people: platform.people }, ctx),
        },
        onReady: async (now) => {
          const decisions = await catchUpSchedules(deps, running.map((r) => ({ schedule: r.schedule, slots: r.ticking.slots })), now);
          decisions.forEach((d, i) => {
            if (d.kind === 'post-late' || d.kind === 'skip') platform.log.warn({ schedule: running[i]!.schedule.name, slot: d.slot.toISOString(), action: d.kind }, 'a scheduled report was missed while no replica ran');
          });
          for (const r of running) r.ticking.start();
        },
        stop: async () => {
          for (const r of running) await r.ticking.stop();
        },
      };
    },
  };
}

export const reports = reportsModule();
