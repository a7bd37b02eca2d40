import type { CapabilityModule, RawConfig } from '../platform/capability.ts';
import { pageCommand } from '../handlers/paging/page-command.ts';
import { registerPagingListeners } from '../handlers/paging/register-paging-listeners.ts';
import { createPagerDutyPager } from '../integrations/pagerduty/pagerduty-pager.ts';
import { ROTA_API } from '../rota/api.ts';
import type { PagingApi } from './api.ts';
import { pagingConfig } from './config.ts';
import { registerPagerDutyWebhook } from './http/pagerduty-webhook.ts';
import { PAGING_IDS } from './ids.ts';
import { pageNotifyJob } from './jobs/page-notify.ts';
import { pagePagerJob } from './jobs/page-pager.ts';
import { pagePostJob } from './jobs/page-post.ts';
import { pageStepJob } from './jobs/page-step.ts';
import { pageSyncJob } from './jobs/page-sync.ts';
import { pageThreadJob } from './jobs/page-thread.ts';
import { noteOnTimeline } from './use-cases/note-on-timeline.ts';
import { pagingDeps } from './paging-deps.ts';
import { pagingSlack } from './paging-slack.ts';
import { prometheusPagingMetrics } from './prometheus-paging-metrics.ts';
import { rotationParticipants } from './rotation-participants.ts';
import { DEFAULT_PAGING_SETTINGS, type PagingSettings } from './settings.ts';
import * as m0005 from './store/migrations/0005-paging.ts';
import * as m0105 from './store/migrations/0105-paging.ts';
import { acknowledgePage } from './use-cases/acknowledge-page.ts';
import { applyPagerEvent } from './use-cases/apply-pager-event.ts';
import { escalatePage } from './use-cases/escalate-page.ts';
import { homePages } from './use-cases/home-pages.ts';
import { listOpenPages } from './use-cases/list-open-pages.ts';
import { homePagesBlocks } from './views/home-pages.ts';
import { raisePage } from './use-cases/raise-page.ts';
import { requestPage } from './use-cases/request-page.ts';
import { resolvePageOnBehalf } from './use-cases/resolve-page-on-behalf.ts';
import { resolvePage } from './use-cases/resolve-page.ts';
import { PAGE_NOT_RAISED } from './views/page-request-replies.ts';

/**
 * Paging: `/k8s-infra page`, the escalation engine walking a policy, PagerDuty in and out.
 * `settings` override the defaults (a test shortens how long a click is retried, say).
 */
export function pagingModule(options: Partial<PagingSettings> = {}): CapabilityModule<typeof pagingConfig, PagingApi> {
  const settings: PagingSettings = { ...DEFAULT_PAGING_SETTINGS, ...options };
  return {
    name: 'paging',
    config: pagingConfig,
    migrations: { '0005-paging': m0005, '0105-paging': m0105 },
    ids: PAGING_IDS,
    define(platform, policies) {
      const { config } = platform;
      const routingKeyFor = (subprojectId: string): string | undefined => {
        const name = config.subprojects.find((s) => s.id === subprojectId)?.pagerduty?.routingKeyEnv;
        return name ? platform.env.routingKeyFrom(name) : undefined;
      };
      const log = platform.log.child({ component: 'paging' });
      const slack = pagingSlack(platform.slack, Object.fromEntries([config.channels.announcements, config.channels.alerts].map((c) => [c.name, c.id])), log);
      // The loaded document holds the rota's section too; see rotation-participants.ts.
      const document: RawConfig = { ...config };
      const deps = pagingDeps({
        db: platform.db,
        dialect: platform.dialect,
        commit: platform.commit,
        config,
        policies,
        rota: platform.use(ROTA_API),
        participants: rotationParticipants(document, (id) => config.subprojects.find((s) => s.id === id)?.rotations ?? []),
        people: platform.people,
        notifier: slack.notifier,
        findDm: slack.findDm,
        audit: platform.audit,
        pager: createPagerDutyPager({
          eventsUrl: platform.env.pagerdutyEventsUrl,
          routingKeyFor,
          clientUrl: platform.publicUrl,
          client: 'k8s-infra-bot',
          warm: config.subprojects.some((s) => routingKeyFor(s.id) !== undefined),
        }),
        hasPager: (id) => routingKeyFor(id) !== undefined,
        metrics: prometheusPagingMetrics(platform.registry),
        settings,
        log,
        home: platform.home,
      });
      const api: PagingApi = {
        raise: (input, now) => raisePage(deps, input, now),
        resolveOnBehalf: (pageId, actor, reason, now) => resolvePageOnBehalf(deps, { pageId, actor, reason }, now),
        openPages: () => listOpenPages(deps),
        noteOnTimeline: (pageId, note, now) => noteOnTimeline(deps, { pageId, ...note }, now),
      };
      const forPeople = {
        people: platform.people,
        clock: platform.clock,
        channelFor: deps.channelFor,
        requestPage: (request: Parameters<typeof requestPage>[1], now: Date) => requestPage(deps, request, now),
      };
      return {
        commands: [
          {
            name: 'page',
            usage: 'page <subproject|service> [summary]',
            summary: 'Page the on-call (a form when no summary)',
            example: '/k8s-infra page registry image pulls failing in eu',
            handler: pageCommand({ ...forPeople, config, listOpenPages: api.openPages }),
            whenUnavailable: PAGE_NOT_RAISED,
          },
        ],
        listeners: (app) =>
          registerPagingListeners(app, {
            ...forPeople,
            clickRetryMs: settings.clickRetryMs,
            showPage: deps.showPage,
            acknowledgePage: (input, now) => acknowledgePage(deps, input, now),
            escalatePage: (input, now) => escalatePage(deps, input, now),
            resolvePage: (input, now) => resolvePage(deps, input, now),
          }),
        routes: (router) =>
          registerPagerDutyWebhook(router, {
            secrets: platform.env.secrets.pagerdutyWebhookSecrets,
            clock: platform.clock,
            log,
            countRequest: (status) => platform.countHttpRequest('/webhooks/pagerduty', Number(status)),
            applyPagerEvent: (event, now) => applyPagerEvent(deps, event, now),
          }),
        jobs: [pageStepJob.bind(deps), pageNotifyJob.bind(deps), pagePagerJob.bind(deps), pagePostJob.bind(deps), pageSyncJob.bind(deps), pageThreadJob.bind(deps)],
        home: {
          title: 'Pages',
          seeMore: 'page list',
          blocks: async (viewer) => homePagesBlocks(await homePages(deps, viewer), (id) => platform.people.mention(id), (id) => config.subprojects.find((s) => s.id === id)?.name),
        },
        api,
      };
    },
  };
}

export const paging = pagingModule();
