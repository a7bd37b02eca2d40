import type { CapabilityModule } from '../platform/capability.ts';
import { legacyJob } from '../platform/jobs/legacy-job.ts';
import { oncallCommand } from '../handlers/rota/oncall-command.ts';
import { overrideCommand, registerOverrideModal } from '../handlers/rota/override-flow.ts';
import { ownersCommand } from '../handlers/rota/owners-command.ts';
import { scheduleCommand } from '../handlers/rota/schedule-command.ts';
import { registerSwapFlow, swapCommand } from '../handlers/rota/swap-flow.ts';
import type { RotaApi } from './api.ts';
import { rotaConfig } from './config.ts';
import { registerCalendarRoutes } from './http/calendar-routes.ts';
import { ROTA_IDS } from './ids.ts';
import { ROTA_JOB_KINDS, runHandoffJob, scheduleHandoffs } from './jobs/handoff-jobs.ts';
import { createOnCallService } from './on-call-service.ts';
import { DEFAULT_ROTA_SETTINGS, RotaModel, rotaChangesSource, rotaRepositoryFor, type RotaSettings } from './rota-model.ts';
import * as m0002 from './store/migrations/0002-rota.ts';

/** Rota: who is on call, schedules, overrides and swaps, handoff announcements, calendar feeds. */
export function rotaModule(settings: RotaSettings = DEFAULT_ROTA_SETTINGS): CapabilityModule<typeof rotaConfig, RotaApi> {
  return {
    name: 'rota',
    config: rotaConfig,
    migrations: { '0002-rota': m0002 },
    ids: ROTA_IDS,
    define(platform) {
      const legacy = platform.legacy;
      const onCall = createOnCallService(legacy.config, rotaChangesSource(legacy.store, legacy.config));
      const deps = { ...legacy, onCall };
      const model = new RotaModel(legacy.config, rotaRepositoryFor(deps), settings);
      return {
        commands: [
          { name: 'oncall', usage: 'oncall [subproject]', summary: 'Who is on call now and next, in your timezone', example: '/k8s-infra oncall dns', handler: oncallCommand(deps, model) },
          { name: 'schedule', usage: 'schedule <subproject> [weeks]', summary: 'The coming shifts of a subproject', example: '/k8s-infra schedule registry 4', handler: scheduleCommand(deps, model) },
          { name: 'override', usage: 'override', summary: 'Cover someone’s shift (opens a form)', example: '/k8s-infra override', handler: overrideCommand(deps, model) },
          { name: 'swap', usage: 'swap', summary: 'Propose a swap of two shifts (opens a form)', example: '/k8s-infra swap', handler: swapCommand(deps, model) },
          { name: 'owners', usage: 'owners [subproject]', summary: 'Staffing report: owners, affiliations, coverage gaps', example: '/k8s-infra owners clusters', handler: ownersCommand(deps) },
        ],
        listeners: (app) => {
          registerOverrideModal(app, deps, model);
          registerSwapFlow(app, deps, model);
        },
        routes: (router) => registerCalendarRoutes(router, deps, model),
        jobs: [legacyJob(ROTA_JOB_KINDS.handoff, (job, ctx) => runHandoffJob(deps, model, job, ctx))],
        onReady: async (now) => {
          if ((await scheduleHandoffs(deps, model, now)) > 0) legacy.jobRunner.wake();
        },
        api: onCall,
      };
    },
  };
}

export const rota = rotaModule();
