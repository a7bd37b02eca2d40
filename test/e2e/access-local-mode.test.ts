import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessModule } from '../../src/access/capability.ts';
import type { AccessIntegrations } from '../../src/access/ports/access-integrations.ts';
import { systemClock } from '../../src/core/clock.ts';
import { InMemoryCodeHost } from '../../src/integrations/github/in-memory-code-host.ts';
import { readEnv } from '../../src/platform/config/env.ts';
import { Metrics } from '../../src/platform/http/metrics.ts';
import { mountLocalSlack } from '../../src/platform/local/local-slack.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';
import { startBot, type Bot } from '../../src/platform/start-bot.ts';
import { openDatabase } from '../../src/platform/store/open-database.ts';
import { eventually } from '../access/helpers/k8s-io-files.ts';
import { testConfig } from '../helpers/test-config.ts';

describe('access in local mode (no GITHUB_TOKEN): the sandbox works offline', () => {
  let bot: Bot;
  let integrations: AccessIntegrations | undefined;

  beforeAll(async () => {
    // As `npm start` runs without a Slack token (startLocalModeBot), with only the access capability.
    const config = testConfig();
    const log = createLogger({ level: 'warn', destination: { write: () => undefined } });
    bot = await startBot({
      env: readEnv({ PORT: '0', LOG_LEVEL: 'warn' }),
      config,
      clock: systemClock,
      log,
      metrics: new Metrics({ defaultMetrics: false }),
      store: await openDatabase({ kind: 'sqlite', path: ':memory:' }),
      replicaId: 'local-test',
      capabilities: [accessModule({ integrations: (built) => (integrations = built) })],
      beforeSlack: (web, port) => mountLocalSlack(web, port, config, log),
      jobPollMs: 50,
    });
    await bot.whenReady;
  });
  afterAll(async () => {
    await bot?.stop();
  });

  it('loads the catalog from config/k8s.io and opens PRs in memory', async () => {
    expect(integrations?.mode).toBe('local');
    const catalog = await integrations!.catalog.get();
    expect(catalog.find('k8s-infra-gcp-auditors@kubernetes.io')?.approvers).toEqual(expect.arrayContaining(['ameukam', 'dims']));
    const host = integrations!.codeHost();
    expect(host).toBeInstanceOf(InMemoryCodeHost);
    if (!(host instanceof InMemoryCodeHost)) return;
    expect(host.fileAt('main', 'groups/sig-k8s-infra/groups.yaml')).toContain('k8s-infra-gcp-auditors@kubernetes.io');
    await eventually(async () => (await fetch(`${bot.url}/healthz`)).ok, 'healthz');
  });
});
