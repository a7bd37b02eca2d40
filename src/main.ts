/**
 * Composition root: the only file that reads process.env. Everything else is given what it needs.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { readEnv, EnvError } from './platform/config/env.ts';
import { loadConfigFile, formatConfigError } from './platform/config/load-config.ts';
import { createLogger } from './platform/logging/logger.ts';
import { Metrics } from './platform/http/metrics.ts';
import { openDatabase, parseDatabaseUrl } from './platform/store/open-database.ts';
import { startBot } from './platform/start-bot.ts';
import { systemClock } from './core/clock.ts';

async function main(): Promise<number> {
  const startedAt = performance.now();
  let env;
  try {
    env = readEnv(process.env);
  } catch (err) {
    if (err instanceof EnvError) {
      process.stderr.write(`k8s-infra-bot: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const log = createLogger({ level: env.logLevel, secretValues: env.secretValues });

  const loaded = loadConfigFile(env.infraConfigPath);
  if (!loaded.ok) {
    process.stderr.write(`k8s-infra-bot: ${env.infraConfigPath} is invalid (${loaded.errors.length} error${loaded.errors.length === 1 ? '' : 's'}):\n`);
    for (const e of loaded.errors) process.stderr.write(`${formatConfigError(e)}\n`);
    return 3;
  }
  const config = loaded.config;

  let target;
  try {
    target = parseDatabaseUrl(env.databaseUrl);
  } catch (err) {
    process.stderr.write(`k8s-infra-bot: ${(err as Error).message}\n`);
    return 2;
  }
  const store = await openDatabase(target, {
    onConnectionError: (err, where) => log.warn({ err: err.message, where }, 'database connection lost; a new one replaces it'),
  });
  const replicaId = env.replicaId ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const metrics = new Metrics();

  const bot = await startBot({
    env,
    config,
    clock: systemClock,
    log,
    metrics,
    store,
    replicaId,
    beforeSlack:
      env.slackMode === 'local'
        ? async (web, port) => (await import('./platform/local/local-slack.ts')).mountLocalSlack(web, port, config, log)
        : undefined,
  });
  log.info({ host: env.host, port: bot.port, slackMode: env.slackMode, database: store.description, replicaId }, 'k8s-infra-bot listening');
  if (env.slackMode === 'local') {
    const where = env.host === '127.0.0.1' ? 'listening on 127.0.0.1 only, requests for another host name refused; HOST changes that' : `listening on ${env.host}`;
    process.stdout.write(`\nk8s-infra-bot sandbox: http://localhost:${bot.port}/sandbox  (local Slack emulator, anyone can act as anyone: ${where}; set SLACK_BOT_TOKEN for real Slack)\n\n`);
  }
  void bot.whenReady.then(() => log.info({ ms: Math.round(performance.now() - startedAt) }, 'ready'));

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const signalledAt = performance.now();
    const graceMs = env.shutdownGraceMs;
    log.info({ signal, graceMs }, 'shutting down: /readyz fails, no new jobs claimed, running ones get the grace');
    // The backstop: whatever still hangs after the grace (every step is bounded; this is for a bug),
    // the process leaves before the kubelet's SIGKILL, which would log nothing.
    setTimeout(() => {
      process.stderr.write(`k8s-infra-bot: shutdown overran its ${graceMs} ms grace; exiting\n`);
      process.exit(1);
    }, graceMs + 1000).unref();
    let code = 0;
    try {
      const outcome = await bot.stop({ graceMs });
      if (outcome.timedOut.length > 0) code = 1;
      log.info({ ...outcome, ms: Math.round(performance.now() - signalledAt) }, 'stopped');
    } catch (err) {
      code = 1;
      log.error({ err }, 'error while stopping');
    }
    log.flush(() => process.exit(code));
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  return -1;
}

process.on('unhandledRejection', (reason) => {
  // Logged, never fatal: one failed background promise must not take paging down with it.
  process.stderr.write(`${JSON.stringify({ level: 'error', msg: 'unhandled rejection', err: String(reason) })}\n`);
});

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    process.stderr.write(`k8s-infra-bot: failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
