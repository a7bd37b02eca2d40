import type { Logger } from 'pino';
import type { Clock } from '../core/clock.ts';
import { CatalogCache } from './catalog-cache.ts';
import type { AccessSettings } from './config.ts';
import type { AccessIntegrations } from './ports/access-integrations.ts';
import type { AuditSink } from './ports/audit-sink.ts';
import type { CodeHost } from './ports/code-host.ts';
import type { GroupsSource } from './ports/groups-source.ts';
import { loadGroupCatalog } from './use-cases/load-group-catalog.ts';
import { lazyCloudLoggingAuditSink } from '../integrations/audit/lazy-cloud-logging-audit-sink.ts';
import { createGithubClient } from '../integrations/github/create-github-client.ts';
import { InMemoryCodeHost } from '../integrations/github/in-memory-code-host.ts';
import { InMemoryHostGroupsSource } from '../integrations/github/in-memory-host-groups-source.ts';
import { LocalDirectoryGroupsSource } from '../integrations/github/local-directory-groups-source.ts';
import { OctokitCodeHost } from '../integrations/github/octokit-code-host.ts';
import { OctokitGroupsSource } from '../integrations/github/octokit-groups-source.ts';
import { readCheckout } from '../integrations/github/read-checkout.ts';

/** The copy of kubernetes/k8s.io `groups/` and `OWNERS_ALIASES` the sandbox uses offline. */
const LOCAL_K8S_IO_COPY = 'config/k8s.io';

/** What access reads from the environment. */
export interface AccessEnv {
  /** GITHUB_TOKEN. */
  githubToken: string | undefined;
  /** GITHUB_API_URL. */
  githubApiUrl: string;
  /** Local mode (no Slack token) without a GitHub token: GitHub is simulated in memory. */
  offline: boolean;
}

/**
 * Builds the access integrations from the `access:` section and the environment without touching
 * the network: the GitHub client, the code host and the Cloud Logging client are made on first
 * use. Offline, everything runs in memory over config/k8s.io (or `source.dir`), so the sandbox works.
 */
export function buildAccessIntegrations(settings: AccessSettings, env: AccessEnv, clock: Clock, log: Logger): AccessIntegrations {
  let octokit: ReturnType<typeof createGithubClient> | undefined;
  const github = () => (octokit ??= createGithubClient({ ...(env.githubToken ? { token: env.githubToken } : {}), baseUrl: env.githubApiUrl }));
  const checkoutRoot = typeof settings.source === 'object' ? settings.source.dir : LOCAL_K8S_IO_COPY;

  let memory: { host: InMemoryCodeHost; paths: string[] } | undefined;
  const offline = () => {
    if (!memory) {
      const files = readCheckout(checkoutRoot, settings.groupsPath);
      memory = {
        host: new InMemoryCodeHost(files, settings.branch, `https://github.com/${settings.repo}/pull/`, settings.repo),
        paths: [...files.keys()].filter((p) => p !== 'OWNERS_ALIASES'),
      };
    }
    return memory;
  };

  let host: CodeHost | undefined;
  const codeHost = (): CodeHost =>
    (host ??= env.offline ? offline().host : new OctokitCodeHost(github(), { repo: settings.repo, ...(settings.headRepo ? { headRepo: settings.headRepo } : {}) }));

  const source = (): GroupsSource => {
    if (env.offline) return new InMemoryHostGroupsSource(offline().host, offline().paths);
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

  const cloud = settings.cloudLogging;
  let sink: AuditSink | undefined;
  const auditSink = () => (cloud ? (sink ??= lazyCloudLoggingAuditSink({ projectId: cloud.projectId, logName: cloud.logName })) : undefined);
  return { catalog, codeHost, auditSink, mode: env.offline ? 'local' : 'github' };
}
