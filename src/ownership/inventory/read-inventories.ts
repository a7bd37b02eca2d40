import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml11 } from '../../core/yaml11.ts';
import type { OwnershipSettings } from '../config.ts';

export interface Inventories {
  zones: Map<string, Map<string, string[]>>;
  projects: Map<string, string>;
  buckets: Map<string, string>;
  clusters: Map<string, { project: string; location: string }>;
  /** Files that could not be read: `who-owns` says its answers may be missing them. */
  problems: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Record names and types of every zone in an octodns `zone-configs` folder (`<zone>._<n>_<part>.yaml` parts merged), read as PyYAML reads them. */
export function readZones(directory: string): Map<string, Map<string, string[]>> {
  const zones = new Map<string, Map<string, string[]>>();
  for (const file of readdirSync(directory).sort()) {
    const m = /^(.+?)(\._[^/]*)?\.ya?ml$/.exec(file);
    if (!m?.[1] || !m[1].includes('.')) continue;
    const zone = m[1].toLowerCase();
    const records = zones.get(zone) ?? new Map<string, string[]>();
    const doc = parseYaml11(readFileSync(join(directory, file), 'utf8'), 'pyyaml', file);
    if (isObject(doc)) {
      for (const [name, value] of Object.entries(doc)) {
        const types = (Array.isArray(value) ? value : [value]).flatMap((r) => (isObject(r) && typeof r.type === 'string' ? [r.type] : []));
        records.set(name.toLowerCase(), [...new Set([...(records.get(name.toLowerCase()) ?? []), ...types])]);
      }
    }
    zones.set(zone, records);
  }
  return zones;
}

/** `infra: { <type>: { projects: { <id>: … } } }` of kubernetes/k8s.io infra/gcp/infra.yaml. */
export function readProjects(text: string): Map<string, string> {
  const doc = parseYaml11(text, 'pyyaml', 'infra.yaml');
  const projects = new Map<string, string>();
  const infra = isObject(doc) && isObject(doc.infra) ? doc.infra : {};
  for (const [type, value] of Object.entries(infra)) {
    if (!isObject(value) || !isObject(value.projects)) continue;
    // A project listed under two types (k8s-release-test-prod) keeps the first.
    for (const id of Object.keys(value.projects)) if (!projects.has(id)) projects.set(id, type);
  }
  return projects;
}

/** `<project> gs://<bucket>` lines (audit/buckets-by-project.txt). */
export function readBuckets(text: string): Map<string, string> {
  const buckets = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^\s*(\S+)\s+gs:\/\/([^/\s]+)\/?\s*$/.exec(line);
    if (m) buckets.set(m[2]!.toLowerCase(), m[1]!);
  }
  return buckets;
}

/** `<name> <project> <location> …` lines after `#` comments (audit/gke-clusters-summary.txt). */
export function readClusters(text: string): Map<string, { project: string; location: string }> {
  const clusters = new Map<string, { project: string; location: string }>();
  for (const line of text.split('\n')) {
    if (/^\s*(#|$)/.test(line)) continue;
    const [name, project, location] = line.trim().split(/\s+/);
    if (name && project && location) clusters.set(name.toLowerCase(), { project, location });
  }
  return clusters;
}

/** Reads every inventory the settings name; a file that cannot be read leaves its inventory empty and is reported. */
export function readInventories(settings: Pick<OwnershipSettings, 'zones' | 'projects' | 'buckets' | 'clusters'>): Inventories {
  const problems: string[] = [];
  const attempt = <T>(what: string, path: string, read: () => T, empty: T): T => {
    try {
      return read();
    } catch (err) {
      problems.push(`${what} (${path}): ${(err as Error).message.split('\n')[0]}`);
      return empty;
    }
  };
  return {
    zones: attempt('DNS zones', settings.zones, () => readZones(settings.zones), new Map()),
    projects: attempt('GCP projects', settings.projects, () => readProjects(readFileSync(settings.projects, 'utf8')), new Map()),
    buckets: attempt('buckets', settings.buckets, () => readBuckets(readFileSync(settings.buckets, 'utf8')), new Map()),
    clusters: attempt('clusters', settings.clusters, () => readClusters(readFileSync(settings.clusters, 'utf8')), new Map()),
    problems,
  };
}
