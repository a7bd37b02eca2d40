import { z } from 'zod';
import { configSection, type RawConfig } from '../platform/capability.ts';
import { personCheck, type ConfigIssue } from '../platform/config/cross-references.ts';

const repoName = z.string().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'expected owner/name');
const channelName = z.string().regex(/^[a-z0-9_-]{1,80}$/, 'expected a Slack channel name without #');
const label = z.string().min(1).max(50);
const repoPath = z.string().regex(/^[^/].*[^/]$/, 'expected a path inside the repository, without leading or trailing /');
const server = z.string().regex(/^(\[[0-9a-fA-F:.]+\]|[0-9.]+|[0-9a-fA-F:]+)(:\d{1,5})?$/, 'expected an IP address, optionally with :port (1.1.1.1, 127.0.0.1:5353, [::1]:53)');

export const requestsSettingsSchema = z.strictObject({
  /** Where tickets are filed (GitHub issues as tickets, as the charter asks). */
  repo: repoName.default('kubernetes/k8s.io'),
  baseBranch: z.string().min(1).default('main'),
  /** Where each request gets its thread, which its issue links back to. */
  channel: channelName.default('wg-k8s-infra'),
  /** Labels of every request's issue, besides its template's. */
  labels: z.array(label).default(['sig/k8s-infra']),
  /** Labels by kind, besides the template's (the DNS template brings area/dns). */
  kindLabels: z
    .strictObject({ dns: z.array(label).default(['area/dns']), staging: z.array(label).default(['area/artifacts']), other: z.array(label).default([]) })
    .default({ dns: ['area/dns'], staging: ['area/artifacts'], other: [] }),
  /** The repository's issue templates, read from it when a ticket is filed (a built-in copy when absent). */
  templates: z
    .strictObject({ dns: repoPath.default('.github/ISSUE_TEMPLATE/dns-request.md'), other: repoPath.default('.github/ISSUE_TEMPLATE/general-support.md') })
    .default({ dns: '.github/ISSUE_TEMPLATE/dns-request.md', other: '.github/ISSUE_TEMPLATE/general-support.md' }),
  /** The octodns zone files in the repository, and a local copy the form checks against (default: dns/zone-configs beside the config file). */
  zonePath: repoPath.default('dns/zone-configs'),
  zonesDir: z.string().min(1).optional(),
  /** groups/ in the repository (staging projects add their writer group to a SIG's groups.yaml there). */
  groupsPath: repoPath.default('groups'),
  /** The GCP projects inventory a staging project is listed in. */
  infraPath: repoPath.default('infra/gcp/infra.yaml'),
  /** A local copy of groups/ the staging form checks names against (default: k8s.io/groups beside the config file). */
  groupsDir: z.string().min(1).optional(),
  /** Nothing happened on a ticket for this many days: the approvers of its paths are nudged. */
  idleDays: z.number().int().min(1).max(90).default(7),
  /** People (ids) who see what waits on the admins in `request list`, besides the leads. */
  admins: z.array(z.string().min(1)).default([]),
  /** "Live" for DNS: these name servers answer the new record (default: the system's resolvers). */
  live: z
    .strictObject({
      nameservers: z.array(server).default([]),
      /** The first check after the merge (the post-k8sio-dns job takes a few minutes), then doubling. */
      firstCheckSeconds: z.number().int().min(1).max(3600).default(120),
      maxCheckSeconds: z.number().int().min(1).max(86400).default(3600),
      maxChecks: z.number().int().min(1).max(100).default(24),
      timeoutMs: z.number().int().min(100).max(30000).default(3000),
    })
    .default({ nameservers: [], firstCheckSeconds: 120, maxCheckSeconds: 3600, maxChecks: 24, timeoutMs: 3000 }),
});

export type RequestsSettings = z.infer<typeof requestsSettingsSchema>;

/** Request admins are people of `people:`. Skips what is malformed. */
function checkRequestsReferences(config: RawConfig): ConfigIssue[] {
  const section = config.requests;
  if (section === null || typeof section !== 'object' || Array.isArray(section)) return [];
  const admins = (section as Record<string, unknown>).admins;
  const person = personCheck(config);
  return Array.isArray(admins) ? admins.flatMap((a, i) => person(['requests', 'admins', i], a)) : [];
}

/** `requests:` — resource requests filed as GitHub issues with their PRs, tracked until live. */
export const requestsConfig = configSection({
  key: 'requests',
  schema: requestsSettingsSchema.default(requestsSettingsSchema.parse({})),
  crossReferences: checkRequestsReferences,
});
