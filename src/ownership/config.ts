import { existsSync } from 'node:fs';
import { z } from 'zod';
import { configSection, type RawConfig } from '../platform/capability.ts';
import { idsOf, type ConfigIssue } from '../platform/config/cross-references.ts';

const subprojectId = z.string().min(1);

const ownershipSchema = z.strictObject({
  /** octodns `zone-configs` (kubernetes/k8s.io `dns/zone-configs`): every record is the DNS subproject's. */
  zones: z.string().min(1).default('config/dns/zone-configs'),
  /** kubernetes/k8s.io `infra/gcp/infra.yaml`: the group's GCP projects by type. */
  projects: z.string().min(1).default('config/k8s.io/infra/gcp/infra.yaml'),
  /** kubernetes/k8s.io `audit/buckets-by-project.txt`: `<project> gs://<bucket>` per line. */
  buckets: z.string().min(1).default('config/k8s.io/audit/buckets-by-project.txt'),
  /** kubernetes/k8s.io `audit/gke-clusters-summary.txt`: `<name> <project> <location> …` per line. */
  clusters: z.string().min(1).default('config/k8s.io/audit/gke-clusters-summary.txt'),
  /** A project type of infra.yaml (`staging`, `prow`, …) → the subproject that runs its projects. */
  projectTypes: z.record(z.string().min(1), subprojectId).default({}),
  /** Projects that are in no inventory yet, by name: `k8s-staging-*` → registry. First match wins. */
  projectPatterns: z.array(z.strictObject({ pattern: z.string().min(1), subproject: subprojectId })).default([]),
  /** An on-call this bot does not run, by SIG (as `outOfScope[].sig` names it): a Slack user group handle. */
  externalOncall: z.record(z.string().min(1), z.string().regex(/^[a-z0-9._-]+$/, 'expected a user group handle without @')).default({}),
});
export type OwnershipSettings = z.infer<typeof ownershipSchema>;

function ownershipReferences(config: RawConfig): ConfigIssue[] {
  const section = config.ownership;
  if (section === null || typeof section !== 'object') return [];
  const subprojects = idsOf(config.subprojects);
  const issues: ConfigIssue[] = [];
  const check = (path: (string | number)[], id: unknown) => {
    if (typeof id === 'string' && !subprojects.has(id)) issues.push({ path, message: `unknown subproject "${id}"` });
  };
  const s = section as { projectTypes?: unknown; projectPatterns?: unknown };
  if (s.projectTypes && typeof s.projectTypes === 'object') for (const [type, id] of Object.entries(s.projectTypes)) check(['ownership', 'projectTypes', type], id);
  if (Array.isArray(s.projectPatterns)) s.projectPatterns.forEach((p: unknown, i) => check(['ownership', 'projectPatterns', i, 'subproject'], (p as { subproject?: unknown } | null)?.subproject));
  return issues;
}

/** An inventory file that is not there leaves `who-owns` without that kind of thing: said at check-config. */
function missingInventories(config: RawConfig): ConfigIssue[] {
  const section = config.ownership;
  if (section === null || typeof section !== 'object') return [];
  return (['zones', 'projects', 'buckets', 'clusters'] as const).flatMap((key) => {
    const path = (section as Record<string, unknown>)[key];
    return typeof path === 'string' && !existsSync(path) ? [{ path: ['ownership', key], message: `${path} does not exist (relative to the working directory); who-owns will not know these` }] : [];
  });
}

/** `ownership:` — the inventories `who-owns` reads, and how their entries map to subprojects. */
export const ownershipConfig = configSection({ key: 'ownership', schema: ownershipSchema.default(ownershipSchema.parse({})), crossReferences: ownershipReferences, warnings: missingInventories });
