import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Logger } from 'pino';
import type { AccessIntegrations } from './ports/access-integrations.ts';
import type { AuditSink } from './ports/audit-sink.ts';
import { CatalogCache } from './catalog-cache.ts';
import type { CodeHost } from './ports/code-host.ts';
import { loadGroupCatalog } from './domain/group-catalog.ts';
import { trimSlashes, type GroupsSource } from './ports/groups-source.ts';
import { InMemoryCodeHost } from '../integrations/github/in-memory-code-host.ts';
import { LocalDirectoryGroupsSource } from '../integrations/github/local-directory-groups-source.ts';
import type { Env } from '../platform/config/env.ts';
import type { InfraConfig } from '../platform/config/schema.ts';
import type { Clock } from '../core/clock.ts';
import { createGithubClient } from '../integrations/github/create-github-client.ts';
import { OctokitCodeHost } from '../integrations/github/octokit-code-host.ts';
import { OctokitGroupsSource } from '../integrations/github/octokit-groups-source.ts';

/** The copy of kubernetes/k8s.io `groups/` and `OWNERS_ALIASES` the sandbox uses offline. */
export const LOCAL_K8S_IO_COPY = 'config/k8s.io';

function readTree(root: string, groupsPath: string): Map<string, string> {
  const files = new Map<string, string>();
  const base = join(root, trimSlashes(groupsPath));
  for (const e of readdirSync(base, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const full = join(e.parentPath, e.name);
    files.set(relative(root, full).split(sep).join('/'), readFileSync(full, 'utf8'));
  }
  try {
    files.set('OWNERS_ALIASES', readFileSync(join(root, 'OWNERS_ALIASES'), 'utf8'));
  } catch {
    // A checkout without aliases: approvers are the handles listed in OWNERS.
  }
  return files;
}

/** Reads the in-memory host's base branch, so a merge in the sandbox shows in the catalog. */
class InMemoryHostGroupsSource implements GroupsSource {
  constructor(
    private readonly host: InMemoryCodeHost,
    private readonly paths: readonly string[],
  ) {}
  async listFiles(): Promise<string[]> {
    return [...this.paths];
  }
  async readFile(path: string): Promise<string | undefined> {
    return this.host.fileAt(this.host.baseBranch, path);
  }
}

/**
 * Builds the access integrations from env and config without touching the network: the GitHub
 * client, the code host and the Cloud Logging client are made on first use. In local mode with
 * no GITHUB_TOKEN everything runs in memory over config/k8s.io, so the sandbox works offline.
 */
export function buildAccessIntegrations(env: Env, config: InfraConfig, clock: Clock, log: Logger): AccessIntegrations {
  const settings = config.access;
  const local = env.slackMode === 'local' && !env.secrets.githubToken;
  let octokit: ReturnType<typeof createGithubClient> | undefined;
  const github = () => (octokit ??= createGithubClient({ ...(env.secrets.githubToken ? { token: env.secrets.githubToken } : {}), baseUrl: env.githubApiUrl }));

  let memoryHost: InMemoryCodeHost | undefined;
  const localHost = () => {
    if (!memoryHost) {
      const root = typeof settings.source === 'object' ? settings.source.dir : LOCAL_K8S_IO_COPY;
      memoryHost = new InMemoryCodeHost(readTree(root, settings.groupsPath), settings.branch, `https://github.com/${settings.repo}/pull/`);
    }
    return memoryHost;
  };

  let host: CodeHost | undefined;
  const codeHost = (): CodeHost => (host ??= local ? localHost() : new OctokitCodeHost(github(), { repo: settings.repo, ...(settings.headRepo ? { headRepo: settings.headRepo } : {}) }));

  const source = (): GroupsSource => {
    if (local) {
      const h = localHost();
      const root = typeof settings.source === 'object' ? settings.source.dir : LOCAL_K8S_IO_COPY;
      return new InMemoryHostGroupsSource(h, [...readTree(root, settings.groupsPath).keys()].filter((p) => p !== 'OWNERS_ALIASES'));
    }
    if (typeof settings.source === 'object') return new LocalDirectoryGroupsSource(settings.source.dir, settings.groupsPath);
    // A new source per load: it pins one commit, so a reload sees newer ones.
    return new OctokitGroupsSource(github(), { repo: settings.repo, branch: settings.branch, groupsPath: settings.groupsPath });
  };
  const catalog = new CatalogCache(
    async () => {
      const loaded = await loadGroupCatalog(source(), { groupsPath: settings.groupsPath });
      if (loaded.problems.length > 0) log.warn({ problems: loaded.problems.slice(0, 20), count: loaded.problems.length }, 'groups catalog loaded with problems');
      return loaded;
    },
    clock,
    5 * 60_000,
    (err) => log.error({ err }, 'reloading the groups catalog failed; serving the previous one'),
  );

  let sink: AuditSink | undefined | null = null;
  const auditSink = () => {
    if (sink === null) {
      const cloud = settings.cloudLogging;
      // The Google client is imported on first use, so start-up and memory don't pay for it unless configured.
      let loaded: Promise<AuditSink> | undefined;
      sink = cloud
        ? {
            record: async (entry, options) => {
              loaded ??= import('../integrations/audit/cloud-logging-audit-sink.ts').then(
                (m) => new m.CloudLoggingAuditSink({ projectId: cloud.projectId, logName: cloud.logName }),
              );
              return (await loaded).record(entry, options);
            },
          }
        : undefined;
    }
    return sink;
  };
  return { catalog, codeHost, auditSink, mode: local ? 'local' : 'github' };
}
