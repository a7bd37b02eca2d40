import type { Express } from 'express';
import type { AppDeps } from '../app-deps.ts';
import { registerGithubWebhook } from './github-webhook.ts';
import { registerPagerDutyWebhook } from '../../escalation/http/pagerduty-webhook.ts';
import { registerCalendarRoutes } from '../../rota/http/calendar-routes.ts';
import { registerStatusRoutes } from '../../status/http/status-routes.ts';

/** HTTP routes beyond Slack and health: webhooks, status page, calendar feeds. */
export function registerHttpRoutes(web: Express, deps: AppDeps): void {
  void web;
  void deps;
  registerGithubWebhook(web, deps);
  registerPagerDutyWebhook(web, deps);
  registerCalendarRoutes(web, deps);
  registerStatusRoutes(web, deps);
}
