import { PAGING_API } from '../escalation/api.ts';
import { incidentCommand } from '../handlers/incidents/incident-command.ts';
import { registerIncidentDeclareView } from '../handlers/incidents/incident-declare-view.ts';
import { registerIncidentPinReaction } from '../handlers/incidents/incident-pin-reaction.ts';
import { registerIncidentResolveView } from '../handlers/incidents/incident-resolve-view.ts';
import { registerIncidentUpdateView } from '../handlers/incidents/incident-update-view.ts';
import { createIssuesTracker } from '../integrations/github/issues-tracker.ts';
import type { CapabilityModule } from '../platform/capability.ts';
import type { IncidentsApi } from './api.ts';
import { noteOnTimeline } from './use-cases/note-on-timeline.ts';
import { ROTA_API } from '../rota/api.ts';
import { enginePager } from './adapters/engine-pager.ts';
import { slackIncidentChannels } from './adapters/slack-incident-channels.ts';
import { incidentsConfig } from './config.ts';
import { INCIDENTS_IDS } from './ids.ts';
import { incidentDirectory } from './incident-directory.ts';
import { incidentMetrics } from './incident-metrics.ts';
import { closePagesJob } from './jobs/close-pages.ts';
import { inviteToChannelJob } from './jobs/invite-to-channel.ts';
import { postIncidentMessageJob } from './jobs/post-incident-message.ts';
import { recordOnGithubJob } from './jobs/record-on-github.ts';
import { remindCommanderJob } from './jobs/remind-commander.ts';
import { setUpIncidentJob } from './jobs/set-up-incident.ts';
import type { IncidentPager } from './ports/incident-pager.ts';
import type { IncidentTracker } from './ports/incident-tracker.ts';
import * as m0006 from './store/migrations/0006-incidents.ts';
import { sqlIncidentStore } from './store/sql-incident-store.ts';
import { homeIncidents } from './use-cases/home-incidents.ts';
import { homeIncidentsBlocks } from './views/home-incidents.ts';

export interface IncidentOptions {
  /** Default: GitHub issues on `incidents.repo` through GITHUB_API_URL / GITHUB_TOKEN. */
  tracker?: IncidentTracker;
  /** Default: the paging capability (escalation policies, PagerDuty, Slack buttons). */
  pager?: IncidentPager;
}

/** Incidents: declare, run and resolve an incident, with its channel, GitHub issue and review. */
export function incidentsModule(options: IncidentOptions = {}): CapabilityModule<typeof incidentsConfig, IncidentsApi> {
  return {
    name: 'incidents',
    config: incidentsConfig,
    migrations: { '0006-incidents': m0006 },
    ids: INCIDENTS_IDS,
    define(platform, section) {
      const { env, people } = platform;
      const tracker =
        options.tracker ??
        createIssuesTracker({
          repo: section.repo,
          ...(section.githubLogin ? { author: section.githubLogin } : {}),
          ...(env.githubApiUrl ? { baseUrl: env.githubApiUrl } : {}),
          ...(env.secrets.githubToken ? { token: env.secrets.githubToken } : {}),
        });
      const pager = options.pager ?? enginePager({ paging: platform.use(PAGING_API), rota: platform.use(ROTA_API), people, clock: platform.clock });
      // One set of deps; each use case, job and listener takes the narrow part it declares.
      const deps = {
        incidents: sqlIncidentStore(platform.db, platform.commit),
        tracker,
        pager,
        channels: slackIncidentChannels(platform.slack),
        notifier: platform.notifier,
        deliveries: platform.notifier,
        audit: platform.audit,
        once: platform.once,
        clock: platform.clock,
        log: platform.log,
        metrics: incidentMetrics(platform.registry),
        directory: incidentDirectory(platform.config, people),
        settings: section,
        reminderMinutes: section.reminderMinutes,
        announcements: platform.config.channels.announcements.name,
        knowsPerson: (slackId: string) => people.bySlackId(slackId) !== undefined,
        home: platform.home,
      };
      return {
        commands: [
          {
            name: 'incident',
            usage: 'incident [declare|update|role|severity|resolve|list]',
            summary: 'Declare and run an incident',
            example: '/k8s-infra incident declare',
            handler: incidentCommand(deps),
            whenUnavailable: 'Nothing was changed on the incident and nothing was posted.',
          },
        ],
        listeners: (app) => {
          registerIncidentDeclareView(app, deps);
          registerIncidentUpdateView(app, deps);
          registerIncidentResolveView(app, deps);
          registerIncidentPinReaction(app, deps);
        },
        jobs: [
          setUpIncidentJob.bind(deps),
          recordOnGithubJob.bind(deps),
          remindCommanderJob.bind(deps),
          closePagesJob.bind(deps),
          postIncidentMessageJob.bind(deps),
          inviteToChannelJob.bind(deps),
        ],
        home: {
          title: 'Incidents',
          seeMore: 'incident list',
          blocks: async (viewer) => homeIncidentsBlocks(await homeIncidents(deps, viewer)),
        },
        api: {
          openIncidents: async () =>
            (await deps.incidents.listOpen()).map((i) => ({
              id: i.id,
              title: i.title,
              severity: i.severity,
              services: i.services,
              commanderSlackId: i.commander,
              channelId: i.channelId,
              declaredAt: i.declaredAt,
            })),
          noteOnTimeline: (incidentId, note, now) => noteOnTimeline(deps, { incidentId, ...note }, now),
        },
      };
    },
  };
}

export const incidents = incidentsModule();
