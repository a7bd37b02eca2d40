import type { App } from '@slack/bolt';
import type { AppDeps } from '../../platform/app-deps.ts';
import type { CommandRouter } from '../../platform/commands/command-router.ts';
import { bootstrapHandoffs, ROTA_JOB_KINDS, runHandoffJob } from '../../rota/jobs/handoff-jobs.ts';
import { oncallCommand } from './oncall-command.ts';
import { overrideCommand, registerOverrideModal } from './override-flow.ts';
import { ownersCommand } from './owners-command.ts';
import { DEFAULT_ROTA_SETTINGS, RotaModel, rotaRepositoryFor, type RotaSettings } from '../../rota/rota-model.ts';
import { scheduleCommand } from './schedule-command.ts';
import { registerSwapFlow, swapCommand } from './swap-flow.ts';

/** Rota: oncall, schedule, owners, override and swap, and the handoff announcement jobs. */
export function registerRota(app: App, router: CommandRouter, deps: AppDeps, settings: RotaSettings = DEFAULT_ROTA_SETTINGS): RotaModel {
  const model = new RotaModel(deps.config, rotaRepositoryFor(deps), settings);
  router.on('oncall', oncallCommand(deps, model));
  router.on('schedule', scheduleCommand(deps, model));
  router.on('owners', ownersCommand(deps));
  router.on('override', overrideCommand(deps, model));
  router.on('swap', swapCommand(deps, model));
  registerOverrideModal(app, deps, model);
  registerSwapFlow(app, deps, model);
  deps.jobRunner.register(ROTA_JOB_KINDS.handoff, (job, ctx) => runHandoffJob(deps, model, job, ctx));
  bootstrapHandoffs(deps, model);
  return model;
}
