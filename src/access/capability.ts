import type { CapabilityModule } from '../platform/capability.ts';
import { accessCommand } from '../handlers/access/access-command.ts';
import { registerAccessInteractions } from '../handlers/access/access-interactions.ts';
import { AccessService } from './access-service.ts';
import type { AccessApi } from './api.ts';
import { buildAccessIntegrations } from './build-access-integrations.ts';
import { accessConfig } from './config.ts';
import { handleGithubEvent } from './http/github-events.ts';
import { ACCESS_IDS } from './ids.ts';
import { accessJobs } from './jobs/access-jobs.ts';
import type { AccessIntegrations } from './ports/access-integrations.ts';
import * as m0004 from './store/migrations/0004-access.ts';

export interface AccessOptions {
  /** Replaces the integrations built from the environment (tests add an audit sink, a local GitHub). */
  integrations?: (built: AccessIntegrations) => AccessIntegrations;
}

/** Access: requests to join a Google group, approved in Slack, turned into a pull request to kubernetes/k8s.io. */
export function accessModule(options: AccessOptions = {}): CapabilityModule<typeof accessConfig, AccessApi> {
  return {
    name: 'access',
    config: accessConfig,
    migrations: { '0004-access': m0004 },
    ids: ACCESS_IDS,
    define(platform) {
      const legacy = platform.legacy;
      const built = buildAccessIntegrations(legacy.env, legacy.config, legacy.clock, legacy.log.child({ component: 'access' }));
      const integrations = options.integrations ? options.integrations(built) : built;
      const service = new AccessService({ ...legacy, access: integrations });
      return {
        commands: [
          { name: 'access', usage: 'access [list]', summary: 'Request membership of a Google group (opens a form)', example: '/k8s-infra access', handler: accessCommand(service) },
        ],
        listeners: (app) => registerAccessInteractions(app, service),
        jobs: accessJobs(service),
        github: (event, payload) => handleGithubEvent(service, event, payload),
        api: { integrations },
      };
    },
  };
}

export const access = accessModule();
