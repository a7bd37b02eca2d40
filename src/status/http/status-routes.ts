import type { Response, Router } from 'express';
import type { Logger } from 'pino';
import type { Clock } from '../../core/clock.ts';
import type { ServiceIdentity } from '../domain/service-status.ts';
import type { StatusReader } from '../ports/status-repository.ts';
import { readServiceStatuses } from '../use-cases/read-service-statuses.ts';
import { buildStatusPageModel, renderStatusPage, statusJson, type StatusPageModel } from '../views/status-page.ts';

/** Status changes at most once a round; a few seconds of reuse keeps a burst of visitors off the database. */
const CACHE_MS = 5000;

export interface StatusRoutesDeps {
  /** The configured services, in config order. */
  services: readonly ServiceIdentity[];
  statuses: StatusReader;
  clock: Clock;
  log: Logger;
  /** Requests served, by route and status (the platform's counter). */
  /** k8s_infra_bot_http_requests_total, through the platform. */
  countRequest?: (route: string, status: number) => void;
}

/**
 * `GET /status` (public HTML) and `GET /status.json`: every service, its state, last check and
 * uptime over 24 h and 7 d. Only what the public may see: no people, no contact data, no probe internals.
 */
export function registerStatusRoutes(web: Router, deps: StatusRoutesDeps): void {
  let cached: { at: number; model: Promise<StatusPageModel> } | undefined;
  // Rendered once per model, not once per visitor.
  const rendered = new WeakMap<StatusPageModel, { html?: string; json?: string }>();
  const renderedOf = (m: StatusPageModel) => {
    let r = rendered.get(m);
    if (!r) rendered.set(m, (r = {}));
    return r;
  };
  const model = (): Promise<StatusPageModel> => {
    const now = deps.clock.now();
    if (cached && Math.abs(now.getTime() - cached.at) < CACHE_MS) return cached.model;
    const next = readServiceStatuses(deps.services, deps.statuses, now).then((statuses) => buildStatusPageModel(statuses, now));
    cached = { at: now.getTime(), model: next };
    next.catch(() => {
      if (cached?.model === next) cached = undefined;
    });
    return next;
  };
  const fail = (res: Response, err: unknown) => {
    deps.log.error({ err: (err as Error).message }, 'status page: could not read the status store');
    res.status(503).type('text/plain').send('Status is temporarily unavailable.');
  };

  web.get('/status', (_req, res) => {
    model().then(
      (m) => {
        deps.countRequest?.('/status', 200);
        const r = renderedOf(m);
        r.html ??= renderStatusPage(m);
        res.set('cache-control', 'public, max-age=15').type('html').send(r.html);
      },
      (err: unknown) => fail(res, err),
    );
  });
  web.get('/status.json', (_req, res) => {
    model().then(
      (m) => {
        deps.countRequest?.('/status.json', 200);
        const r = renderedOf(m);
        r.json ??= JSON.stringify(statusJson(m));
        res.set('cache-control', 'public, max-age=15').type('json').send(r.json);
      },
      (err: unknown) => fail(res, err),
    );
  });
}
