import type { Router } from 'express';
import type { Metrics } from './metrics.ts';

export interface Readiness {
  /** Resolves when the database answers; rejects with the reason otherwise. */
  checkDatabase(): Promise<void>;
  configLoaded(): boolean;
  migrated(): boolean;
  /** True from the moment a shutdown signal arrives: the load balancer must stop sending traffic. */
  shuttingDown?(): boolean;
}

const READY_TIMEOUT_MS = 2000;

export function registerHealthRoutes(router: Router, readiness: Readiness, metrics: Metrics): void {
  router.get('/healthz', (_req, res) => {
    res.type('text/plain').send('ok\n');
  });

  router.get('/readyz', async (_req, res) => {
    if (readiness.shuttingDown?.()) {
      res.status(503).type('text/plain').send('not ready\nshutting down: draining\n');
      return;
    }
    const problems: string[] = [];
    if (!readiness.configLoaded()) problems.push('config: not loaded');
    if (!readiness.migrated()) problems.push('database: migrations not applied yet');
    try {
      await Promise.race([
        readiness.checkDatabase(),
        new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS).unref()),
      ]);
    } catch (err) {
      problems.push(`database: ${(err as Error).message}`);
    }
    res.status(problems.length ? 503 : 200).type('text/plain').send(problems.length ? `not ready\n${problems.join('\n')}\n` : 'ready\n');
  });

  router.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}
