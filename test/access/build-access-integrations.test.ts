import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { buildAccessIntegrations } from '../../src/access/build-access-integrations.ts';
import { accessSettingsSchema } from '../../src/access/config.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { InMemoryCodeHost } from '../../src/integrations/github/in-memory-code-host.ts';
import { OctokitCodeHost } from '../../src/integrations/github/octokit-code-host.ts';
import { K8S_IO_CHECKOUT } from './helpers/fixtures.ts';

const log = pino({ level: 'silent' });
const clock = new ManualClock('2022-01-19T12:00:00Z');
const online = { githubToken: 'ghp-test', githubApiUrl: 'http://127.0.0.1:9', offline: false };

describe('buildAccessIntegrations', () => {
  it('offline: the catalog and the pull requests live in memory over the checkout', async () => {
    const settings = accessSettingsSchema.parse({ source: { dir: K8S_IO_CHECKOUT } });
    const built = buildAccessIntegrations(settings, { githubToken: undefined, githubApiUrl: 'https://api.github.com', offline: true }, clock, log);
    expect(built.mode).toBe('local');
    expect((await built.catalog.get()).find('k8s-infra-gcp-auditors@kubernetes.io')?.approvers).toEqual(expect.arrayContaining(['ameukam', 'dims']));
    const host = built.codeHost();
    expect(host).toBeInstanceOf(InMemoryCodeHost);
    expect(built.codeHost()).toBe(host);
    expect(built.auditSink()).toBeUndefined();
  });

  it('online: GitHub through Octokit, made on first use; Cloud Logging only when configured', () => {
    const plain = buildAccessIntegrations(accessSettingsSchema.parse({}), online, clock, log);
    expect(plain.mode).toBe('github');
    expect(plain.codeHost()).toBeInstanceOf(OctokitCodeHost);
    expect(plain.auditSink()).toBeUndefined();
    const audited = buildAccessIntegrations(accessSettingsSchema.parse({ cloudLogging: { projectId: 'kubernetes-public' } }), online, clock, log);
    const sink = audited.auditSink();
    expect(sink).toBeDefined();
    expect(audited.auditSink()).toBe(sink);
  });
});
