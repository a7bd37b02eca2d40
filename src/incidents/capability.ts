import type { CapabilityModule } from '../platform/capability.ts';
import { legacyJob } from '../platform/jobs/legacy-job.ts';
import { PAGING_API } from '../escalation/api.ts';
import { incidentCommand } from '../handlers/incidents/incident-command.ts';
import { registerIncidentPinReaction } from '../handlers/incidents/incident-pin-reaction.ts';
import { registerIncidentViews } from '../handlers/incidents/incident-views.ts';
import { createIssuesTracker } from '../integrations/github/issues-tracker.ts';
import { ROTA_API } from '../rota/api.ts';
import { incidentsConfig } from './config.ts';
import { INCIDENTS_IDS } from './ids.ts';
import { incidentMetrics } from './incident-metrics.ts';
import { enginePager } from './incident-pager.ts';
import { IncidentService, INCIDENT_JOB_KINDS } from './incident-service.ts';
import type { IncidentPager, IncidentTracker } from './ports/incident-tracker.ts';
import * as m0006 from './store/migrations/0006-incidents.ts';

export interface IncidentOptions {
  /** Default: GitHub issues on `incidents.repo` through GITHUB_API_URL / GITHUB_TOKEN. */
  tracker?: IncidentTracker;
  /** Default: the paging capability (escalation policies, PagerDuty, Slack buttons). */
  pager?: IncidentPager;
}

/** Incidents: declare, run and resolve an incident, with its channel, GitHub issue and review. */
export function incidentsModule(options: IncidentOptions = {}): CapabilityModule<typeof incidentsConfig> {
  return {
    name: 'incidents',
    config: incidentsConfig,
    migrations: { '0006-incidents': m0006 },
    ids: INCIDENTS_IDS,
    define(platform, section) {
      const rota = platform.use(ROTA_API);
      const deps = { ...platform.legacy, onCall: { onCall: (subprojectId: string, at: Date) => rota().onCall(subprojectId, at) } };
      const tracker =
        options.tracker ??
        createIssuesTracker({ baseUrl: deps.env.githubApiUrl, ...(deps.env.secrets.githubToken ? { token: deps.env.secrets.githubToken } : {}), repo: section.repo });
      const service = new IncidentService(deps, tracker, options.pager ?? enginePager(deps, platform.use(PAGING_API)), incidentMetrics(platform.registry));
      return {
        commands: [
          { name: 'incident', usage: 'incident [declare|update|role|severity|resolve|list]', summary: 'Declare and run an incident', example: '/k8s-infra incident declare', handler: incidentCommand(deps, service) },
        ],
        listeners: (app) => {
          registerIncidentViews(app, deps, service);
          registerIncidentPinReaction(app, deps, service);
        },
        jobs: [
          legacyJob(INCIDENT_JOB_KINDS.setup, (job) => service.runSetup(job)),
          legacyJob(INCIDENT_JOB_KINDS.github, (job) => service.runGithub(job)),
          legacyJob(INCIDENT_JOB_KINDS.reminder, (job, ctx) => service.runReminder(job, ctx)),
          legacyJob(INCIDENT_JOB_KINDS.closePages, (job) => service.runClosePages(job)),
        ],
      };
    },
  };
}

export const incidents = incidentsModule();
