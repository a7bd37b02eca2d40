import type { CapabilityModule } from '../platform/capability.ts';
import { oncallCommand } from '../handlers/rota/oncall-command.ts';
import { overrideCommand } from '../handlers/rota/override-command.ts';
import { registerOverrideSubmission } from '../handlers/rota/override-submission.ts';
import { scheduleCommand } from '../handlers/rota/schedule-command.ts';
import { swapCommand } from '../handlers/rota/swap-command.ts';
import { registerSwapDecision } from '../handlers/rota/swap-decision.ts';
import { registerSwapSubmission } from '../handlers/rota/swap-submission.ts';
import { slackOnCallUsergroup } from './adapters/slack-oncall-usergroup.ts';
import type { RotaApi } from './api.ts';
import { rotaConfig } from './config.ts';
import { registerCalendarRoutes } from './http/calendar-routes.ts';
import { registerOncallJsonRoute } from './http/oncall-json-route.ts';
import { ROTA_IDS } from './ids.ts';
import { handoffJob, handoffRequest } from './jobs/handoff-job.ts';
import { createOnCallService } from './on-call-service.ts';
import { RotaModel } from './rota-model.ts';
import { DEFAULT_ROTA_SETTINGS, type RotaSettings } from './settings.ts';
import * as m0002 from './store/migrations/0002-rota.ts';
import * as m0112 from './store/migrations/0112-rota-shadows.ts';
import { rotaStore } from './store/rota-store.ts';
import { bookShadow } from './use-cases/book-shadow.ts';
import { homeRota } from './use-cases/home-rota.ts';
import { scheduleHandoffs } from './use-cases/schedule-handoffs.ts';
import { homeRotaBlocks } from './views/home-rota.ts';
import { weeklyDigest } from './use-cases/weekly-digest.ts';
import { oncallDigestMessage } from './views/oncall-digest.ts';

/**
 * Rota: who is on call, schedules, overrides and swaps, handoff announcements, calendar feeds.
 * `settings` override the defaults (a test shortens the longest override, say).
 */
export function rotaModule(options: Partial<RotaSettings> = {}): CapabilityModule<typeof rotaConfig, RotaApi> {
  const settings: RotaSettings = { ...DEFAULT_ROTA_SETTINGS, ...options };
  return {
    name: 'rota',
    config: rotaConfig,
    migrations: { '0002-rota': m0002, '0112-rota-shadows': m0112 },
    ids: ROTA_IDS,
    reports: ['oncall-digest'],
    define(platform, rotations) {
      const { config, people, notifier, clock, log } = platform;
      const store = rotaStore(platform, config.subprojects);
      const model = new RotaModel(rotations, config.subprojects, store.repository, store.repository);
      const { commit, repository } = store;
      const handoffAt = handoffRequest;
      const refusals = {
        record: async (r: { actor: string; action: string; subject: string; reason: string }) => {
          await platform.audit.record({ at: clock.now(), actor: r.actor, action: 'rota.refused', subject: r.subject, payload: { action: r.action, reason: r.reason } });
        },
      };
      return {
        commands: [
          { name: 'oncall', usage: 'oncall [subproject]', summary: 'Who is on call now and next, in your timezone', example: '/k8s-infra oncall dns', handler: oncallCommand({ model, people, config }) },
          { name: 'schedule', usage: 'schedule <subproject> [weeks]', summary: 'The coming shifts of a subproject', example: '/k8s-infra schedule registry 4', handler: scheduleCommand({ model, people, config, settings }) },
          { name: 'override', usage: 'override', summary: 'Cover someone’s shift (opens a form)', example: '/k8s-infra override', handler: overrideCommand({ model, people, config, settings, refusals }) },
          { name: 'swap', usage: 'swap', summary: 'Propose a swap of two shifts (opens a form)', example: '/k8s-infra swap', handler: swapCommand({ model, people }) },
        ],
        listeners: (app) => {
          registerOverrideSubmission(app, { model, config, people, settings, commit, handoffAt, notifier, clock, log, refusals, home: platform.home });
          registerSwapSubmission(app, { model, people, commit, notifier, clock, log });
          registerSwapDecision(app, { model, swaps: repository, people, commit, handoffAt, notifier, clock, refusals, home: platform.home });
        },
        routes: (router) => {
          registerCalendarRoutes(router, { model, people, settings, clock, publicUrl: platform.publicUrl });
          registerOncallJsonRoute(router, { model, people, clock, countHttpRequest: (route, status) => platform.countHttpRequest(route, status) });
        },
        jobs: [
          handoffJob.bind({
            model,
            announcements: repository,
            commitCompleting: store.commitCompleting,
            handoffAt,
            notifier,
            people,
            usergroup: slackOnCallUsergroup(platform.slack),
            log,
          }),
        ],
        onReady: async (now) => {
          await scheduleHandoffs({ model, jobs: platform.jobs, handoffAt }, now);
        },
        home: {
          title: 'On call',
          seeMore: 'oncall',
          blocks: async (viewer, now) => {
            const view = await homeRota({ model, people }, viewer, now);
            return view ? homeRotaBlocks(view) : undefined;
          },
        },
        reports: {
          'oncall-digest': async (ctx) => oncallDigestMessage({ ...(await weeklyDigest({ model, people }, ctx)), timezone: ctx.timezone }),
        },
        api: {
          ...createOnCallService({ rotations, subprojects: config.subprojects }, repository, repository),
          bookShadow: (booking) => bookShadow({ model, shadows: repository, commit, home: platform.home }, booking),
        },
      };
    },
  };
}

export const rota = rotaModule();
