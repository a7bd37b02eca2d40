import type { App } from '@slack/bolt';
import type { AppDeps } from '../../platform/app-deps.ts';
import type { IncidentPager, IncidentTracker } from '../../incidents/ports/incident-tracker.ts';
import { createIssuesTracker } from '../../integrations/github/issues-tracker.ts';
import type { CommandRouter } from '../../platform/commands/command-router.ts';
import { incidentCommand } from './incident-command.ts';
import { incidentMetrics } from '../../incidents/incident-metrics.ts';
import { enginePager } from '../../incidents/incident-pager.ts';
import { registerIncidentPinReaction } from './incident-pin-reaction.ts';
import { IncidentService, INCIDENT_JOB_KINDS } from '../../incidents/incident-service.ts';
import { registerIncidentViews } from './incident-views.ts';

export interface IncidentOptions {
  /** Default: GitHub issues on config.incidents.repo through GITHUB_API_URL / GITHUB_TOKEN. */
  tracker?: IncidentTracker;
  /** Default: the paging engine (escalation policies, PagerDuty, Slack buttons). */
  pager?: IncidentPager;
}

/** Incidents: `/k8s-infra incident …`, the declare/update/resolve modals, :pushpin: reactions, and the outbox jobs. */
export function registerIncidents(app: App, router: CommandRouter, deps: AppDeps, options: IncidentOptions = {}): IncidentService {
  const tracker =
    options.tracker ??
    createIssuesTracker({ baseUrl: deps.env.githubApiUrl, ...(deps.env.secrets.githubToken ? { token: deps.env.secrets.githubToken } : {}), repo: deps.config.incidents.repo });
  const service = new IncidentService(deps, tracker, options.pager ?? enginePager(deps), incidentMetrics(deps.metrics.registry));
  router.on('incident', incidentCommand(deps, service));
  registerIncidentViews(app, deps, service);
  registerIncidentPinReaction(app, deps, service);
  deps.jobRunner.register(INCIDENT_JOB_KINDS.setup, (job) => service.runSetup(job));
  deps.jobRunner.register(INCIDENT_JOB_KINDS.github, (job) => service.runGithub(job));
  deps.jobRunner.register(INCIDENT_JOB_KINDS.reminder, (job, ctx) => service.runReminder(job, ctx));
  deps.jobRunner.register(INCIDENT_JOB_KINDS.closePages, (job) => service.runClosePages(job));
  return service;
}
