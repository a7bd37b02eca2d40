import type { App } from '@slack/bolt';
import type { AppDeps } from '../../platform/app-deps.ts';
import type { CommandRouter } from '../../platform/commands/command-router.ts';
import { accessCommand } from './access-command.ts';
import { registerAccessInteractions } from './access-interactions.ts';
import { registerAccessJobs } from '../../access/jobs/access-jobs.ts';
import { AccessService } from '../../access/access-service.ts';

/** `/k8s-infra access`, its buttons and modals, and its jobs. */
export function registerAccess(app: App, router: CommandRouter, deps: AppDeps): void {
  const service = new AccessService(deps);
  router.on('access', accessCommand(service));
  registerAccessInteractions(app, service);
  registerAccessJobs(service);
}
