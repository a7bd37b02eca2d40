import type { AccessApi } from './api.ts';
import type { CapabilityModule } from '../platform/capability.ts';
import { accessCommand } from '../handlers/access/access-command.ts';
import { registerAccessListeners } from '../handlers/access/register-access-listeners.ts';
import { accessPeople } from './access-people.ts';
import { buildAccessIntegrations } from './build-access-integrations.ts';
import { accessConfig } from './config.ts';
import type { AccessPolicy } from './domain/access-request-lifecycle.ts';
import type { AccessValidationRules } from './domain/validate-access-request.ts';
import { handleGithubEvent } from './http/github-events.ts';
import { ACCESS_IDS } from './ids.ts';
import { deliverAccessEffectsJob } from './jobs/deliver-access-effects.ts';
import { expireAccessJob } from './jobs/expire-access.ts';
import { openAccessPullRequestJob } from './jobs/open-access-pull-request.ts';
import { prepareRemovalJob } from './jobs/prepare-removal.ts';
import { remindBeforeExpiryJob } from './jobs/remind-before-expiry.ts';
import { supersedeAccessJob } from './jobs/supersede-access.ts';
import type { AccessIntegrations } from './ports/access-integrations.ts';
import { AccessRequestStore } from './store/access-request-store.ts';
import { prometheusAccessMetrics } from './prometheus-access-metrics.ts';
import * as m0004 from './store/migrations/0004-access.ts';
import { homeAccess } from './use-cases/home-access.ts';
import { membershipEdit } from './use-cases/membership-edit.ts';
import { homeAccessBlocks } from './views/home-access.ts';

export interface AccessOptions {
  /** Replaces the integrations built from the environment (tests add an audit sink, keep a handle on the catalog). */
  integrations?: (built: AccessIntegrations) => AccessIntegrations;
}

/** Access: requests to join a Google group, approved in Slack, turned into a pull request to kubernetes/k8s.io. */
export function accessModule(options: AccessOptions = {}): CapabilityModule<typeof accessConfig, AccessApi> {
  return {
    name: 'access',
    config: accessConfig,
    migrations: { '0004-access': m0004 },
    ids: ACCESS_IDS,
    define(platform, section) {
      const log = platform.log.child({ component: 'access' });
      const { env, clock } = platform;
      const githubToken = env.secrets.githubToken;
      const built = buildAccessIntegrations(section, { githubToken, githubApiUrl: env.githubApiUrl, offline: env.slackMode === 'local' && !githubToken }, clock, log);
      const integrations = options.integrations ? options.integrations(built) : built;
      if (integrations.mode === 'local') log.info({ groups: section.source }, 'access: no GITHUB_TOKEN in local mode; pull requests are made in memory');

      const { catalog } = integrations;
      const requests = new AccessRequestStore(platform.db, platform.commit, () => integrations.auditSink() !== undefined, prometheusAccessMetrics(platform.registry));
      const people = accessPeople(platform.config.people);
      const policy: AccessPolicy = { channel: section.channel, twoApproverPattern: section.twoApproverPattern, reminderDaysBeforeExpiry: section.reminderDaysBeforeExpiry };
      const rules: AccessValidationRules = { maxTemporaryAccessDays: section.maxTemporaryAccessDays, lockedGroups: section.lockedGroups };
      const decide = { requests, catalog, people, clock, audit: platform.audit, policy };

      return {
        commands: [
          {
            name: 'access',
            usage: 'access [list | review <group>]',
            summary: 'Request membership of a Google group (opens a form)',
            example: '/k8s-infra access',
            handler: accessCommand({ list: { requests, catalog, people }, review: { requests, catalog, people, audit: platform.audit }, repo: section.repo, branch: section.branch, people, catalog, channel: policy.channel }),
          },
        ],
        listeners: (app) =>
          registerAccessListeners(app, {
            request: { requests, catalog, people, clock, rules, policy, log },
            suggest: { catalog, log },
            approve: decide,
            beginDeny: decide,
            deny: decide,
            cancel: { requests, people, clock, audit: platform.audit },
            endNow: decide,
            extend: { ...decide, maxTemporaryAccessDays: section.maxTemporaryAccessDays },
            notifier: platform.notifier,
            log,
          }),
        jobs: [
          deliverAccessEffectsJob.bind({ requests, notifier: platform.notifier, people, auditSink: () => integrations.auditSink(), once: platform.once, clock, home: platform.home }),
          openAccessPullRequestJob.bind({ requests, catalog, codeHost: () => integrations.codeHost(), clock, baseBranch: section.branch, log }),
          prepareRemovalJob.bind({ requests, codeHost: () => integrations.codeHost(), clock, baseBranch: section.branch, log }),
          remindBeforeExpiryJob.bind({ requests, clock, policy }),
          expireAccessJob.bind({ requests, clock }),
          supersedeAccessJob.bind({ requests, clock, policy }),
        ],
        home: {
          title: 'Access',
          seeMore: 'access list',
          blocks: async (viewer, now) => {
            const found = await homeAccess({ requests, catalog, people }, viewer, now);
            return homeAccessBlocks({ ...found, zone: (viewer.personId ? platform.people.person(viewer.personId)?.timezone : undefined) ?? 'UTC' });
          },
          },
        api: {
          groups: async () => (await catalog.get()).groups.map((g) => ({ emailId: g.emailId, name: g.name, file: g.file, approvers: g.approvers })),
          membershipEdit: (groupEmail, change) => membershipEdit({ catalog, repo: section.repo, branch: section.branch }, groupEmail, change),
        },
        github: (event, payload) =>
          handleGithubEvent({ closed: { requests, clock, policy, headRepo: section.headRepo ?? section.repo, audit: platform.audit }, catalog, repo: section.repo, branch: section.branch, log }, event, payload),
      };
    },
  };
}

export const access = accessModule();
