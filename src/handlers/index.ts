import type { App } from '@slack/bolt';
import type { AppDeps } from '../app/app-deps.ts';
import type { CommandRouter } from './command-router.ts';
import { registerRota } from './rota/index.ts';
import { registerIncidents } from './incidents/index.ts';
import { registerAccess } from './access/index.ts';
import { registerPaging } from './paging/index.ts';
import { registerStatus } from './status/index.ts';

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
