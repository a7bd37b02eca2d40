import type { App } from '@slack/bolt';
import type { AppDeps } from './app-deps.ts';
import type { CommandRouter } from './commands/command-router.ts';
import { registerRota } from '../handlers/rota/index.ts';
import { registerIncidents } from '../handlers/incidents/index.ts';
import { registerAccess } from '../handlers/access/index.ts';
import { registerPaging } from '../handlers/paging/index.ts';
import { registerStatus } from '../handlers/status/index.ts';

/** Registers every capability's listeners; nothing is attached at import time. */
export function registerHandlers(app: App, router: CommandRouter, deps: AppDeps): void {
  void app;
  void router;
  void deps;
  registerAccess(app, router, deps);
  registerPaging(app, router, deps);
  registerRota(app, router, deps);
  registerStatus(app, router, deps);
  registerIncidents(app, router, deps);
}
