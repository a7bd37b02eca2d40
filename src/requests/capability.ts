import { dirname, join } from 'node:path';
import { registerRequestForms } from '../handlers/requests/request-forms.ts';
import { requestCommand } from '../handlers/requests/request-command.ts';
import { createNodeDnsClient, type DnsClient } from '../integrations/dns/dns-client.ts';
import { createGithubClient } from '../integrations/github/create-github-client.ts';
import { GithubRequestTickets } from '../integrations/github/request-tickets.ts';
import type { CapabilityModule } from '../platform/capability.ts';
import { requestsConfig } from './config.ts';
import { REQUESTS_IDS } from './ids.ts';
import { checkLiveJob } from './jobs/check-live.ts';
import { closeIssueJob } from './jobs/close-issue.ts';
import { fileTicketJob } from './jobs/file-ticket.ts';
import { nudgeJob } from './jobs/nudge.ts';
import { sayJob } from './jobs/say.ts';
import { readLocalGroups, readLocalZones } from './local-files.ts';
import * as m0010 from './store/migrations/0010-requests.ts';
import { sqlTicketStore } from './store/sql-ticket-store.ts';
import { handleGithubEvent } from './use-cases/handle-github-event.ts';
import type { RequestDeps } from './use-cases/request-deps.ts';

export interface RequestsOptions {
  /** Every GitHub request's deadline (default 10 s). */
  githubTimeoutMs?: number;
  /** The resolver the live checks ask (default: one over `requests.live.nameservers`). */
  dns?: DnsClient;
}

/**
 * Resource requests as tickets, as the charter asks: a DNS record, a staging project or anything
 * else from a modal to the repository's own issue template and the PR an admin would write,
 * followed by webhooks through merge, "live" (DNS: the name servers answer) and closing.
 */
export function requestsModule(options: RequestsOptions = {}): CapabilityModule<typeof requestsConfig> {
  return {
    name: 'requests',
    config: requestsConfig,
    migrations: { '0010-requests': m0010 },
    ids: REQUESTS_IDS,
    define(platform, section) {
      const { env, log } = platform;
      const octokit = createGithubClient({ ...(env.secrets.githubToken ? { token: env.secrets.githubToken } : {}), baseUrl: env.githubApiUrl, timeoutMs: options.githubTimeoutMs ?? 10_000 });
      const beside = dirname(env.infraConfigPath);
      const zonesDir = section.zonesDir ?? join(beside, 'dns', 'zone-configs');
      const groupsDir = section.groupsDir ?? join(beside, 'k8s.io', 'groups');
      const deps: RequestDeps = {
        tickets: sqlTicketStore(platform.db, platform.commit),
        host: new GithubRequestTickets(octokit, section.repo, section.baseBranch),
        notifier: platform.notifier,
        clock: platform.clock,
        log: log.child({ capability: 'requests' }),
        audit: platform.audit,
        settings: section,
        zones: () => readLocalZones(zonesDir),
        groupFiles: () => readLocalGroups(groupsDir),
        dns: options.dns ?? createNodeDnsClient({ servers: section.live.nameservers, timeoutMs: section.live.timeoutMs }),
        people: platform.config.people.map((p) => ({ id: p.id, slack: p.slack, github: p.github })),
        leads: platform.config.leads,
        db: platform.db,
        commit: platform.commit,
        once: platform.once,
      };
      return {
        commands: [
          {
            name: 'request',
            usage: 'request [list]',
            summary: 'Ask for a DNS record, a staging project or anything else: filed as a GitHub issue (and PR), tracked until live',
            example: '/k8s-infra request',
            handler: requestCommand(deps),
            whenUnavailable: 'No request was filed.',
          },
        ],
        listeners: (app) => registerRequestForms(app, deps),
        jobs: [fileTicketJob.bind(deps), sayJob.bind(deps), checkLiveJob.bind(deps), closeIssueJob.bind(deps), nudgeJob.bind(deps)],
        github: (event, payload) => handleGithubEvent(deps, event, payload),
      };
    },
  };
}

export const requests = requestsModule();
