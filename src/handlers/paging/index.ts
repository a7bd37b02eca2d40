import type { App } from '@slack/bolt';
import type { AppDeps } from '../../platform/app-deps.ts';
import { PAGE_JOB_KINDS } from '../../escalation/store/page-repository.ts';
import type { CommandRouter } from '../../platform/commands/command-router.ts';
import { registerPageActions } from './page-actions.ts';
import { pageCommand } from './page-command.ts';
import { pageServiceFor } from '../../escalation/page-service-for.ts';

/** Paging: the `page` subcommand, the page buttons and modal, and the escalation jobs. */
export function registerPaging(app: App, router: CommandRouter, deps: AppDeps): void {
  const service = pageServiceFor(deps);
  router.on('page', pageCommand(deps, service));
  registerPageActions(app, deps, service);
  deps.jobRunner.register(PAGE_JOB_KINDS.step, (job, ctx) => service.runStepJob(job, ctx));
  deps.jobRunner.register(PAGE_JOB_KINDS.notify, (job, ctx) => service.runNotifyJob(job, ctx));
  deps.jobRunner.register(PAGE_JOB_KINDS.pager, (job, ctx) => service.runPagerJob(job, ctx));
  deps.jobRunner.register(PAGE_JOB_KINDS.post, (job, ctx) => service.runPostJob(job, ctx));
  deps.jobRunner.register(PAGE_JOB_KINDS.sync, (job) => service.runSyncJob(job));
}
