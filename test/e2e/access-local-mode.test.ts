import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemoryCodeHost } from '../../src/integrations/github/in-memory-code-host.ts';
import { eventually } from '../access/helpers/k8s-io-files.ts';
import { startLocalModeBot, type TestBot } from '../helpers/start-test-bot.ts';
import { accessIntegrationsOf } from '../helpers/capability-internals.ts';

describe('access in local mode (no GITHUB_TOKEN): the sandbox works offline', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startLocalModeBot();
  });
  afterAll(async () => {
    await bot?.stop();
  });

  it('loads the catalog from config/k8s.io and opens PRs in memory', async () => {
    expect(accessIntegrationsOf(bot).mode).toBe('local');
    const catalog = await accessIntegrationsOf(bot).catalog.get();
    expect(catalog.find('k8s-infra-gcp-auditors@kubernetes.io')?.approvers).toEqual(expect.arrayContaining(['ameukam', 'dims']));
    const host = accessIntegrationsOf(bot).codeHost();
    expect(host).toBeInstanceOf(InMemoryCodeHost);
    expect((host as InMemoryCodeHost).fileAt('main', 'groups/sig-k8s-infra/groups.yaml')).toContain('k8s-infra-gcp-auditors@kubernetes.io');
    await eventually(async () => (await fetch(`${bot.url}/healthz`)).ok, 'healthz');
  });
});
