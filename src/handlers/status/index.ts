import type { App } from '@slack/bolt';
import type { AppDeps } from '../../platform/app-deps.ts';
import { STATUS_JOB_KINDS } from '../../status/store/status-repository.ts';
import type { CommandRouter } from '../../platform/commands/command-router.ts';
import { statusCommand } from './status-command.ts';
import { bootstrapSchedule, runAlertJob, runPageJob, runRoundJob } from '../../status/jobs/status-jobs.ts';
import { statusRuntimeFor } from '../../status/status-runtime.ts';

/** Status: the `status` subcommand, the scheduled rounds and the alert/page outbox jobs. */
export function registerStatus(app: App, router: CommandRouter, deps: AppDeps): void {
  void app;
  const runtime = statusRuntimeFor(deps);
  router.on('status', statusCommand(deps, runtime));
  deps.jobRunner.register(STATUS_JOB_KINDS.round, (job, ctx) => runRoundJob(deps, runtime, job, ctx));
  deps.jobRunner.register(STATUS_JOB_KINDS.alert, (job) => runAlertJob(deps, runtime, job));
  deps.jobRunner.register(STATUS_JOB_KINDS.page, (job, ctx) => runPageJob(deps, runtime, job, ctx));
  bootstrapSchedule(deps, runtime);
}
