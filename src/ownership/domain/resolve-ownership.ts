import { closestMatch } from '../../core/closest-match.ts';
import type { OwnershipCatalog, Ownership, Owner } from './ownership-catalog.ts';

export type OwnershipAnswer = { found: Ownership } | { found: undefined; suggestions: string[] };

const sub = (subprojectId: string): Owner => ({ kind: 'subproject', subprojectId });

/** `gs://Bucket/`, `https://x.k8s.io/path`, `x.k8s.io.` → the name people mean. */
export function normaliseThing(input: string): string {
  return input
    .trim()
    .replace(/^<(.*)>$/, '$1')
    .replace(/^(https?:\/\/)/i, '')
    .replace(/\/+$/, '')
    .replace(/\.$/, '')
    .toLowerCase();
}

function globToRegExp(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

function projectOwner(catalog: OwnershipCatalog, project: string): { owner: Owner; fact: string } | undefined {
  const type = catalog.projects.get(project);
  if (type !== undefined && catalog.projectTypes[type]) return { owner: sub(catalog.projectTypes[type]!), fact: `GCP project ${project}, type "${type}" in infra/gcp/infra.yaml` };
  const rule = catalog.projectPatterns.find((p) => globToRegExp(p.pattern).test(project));
  if (rule) return { owner: sub(rule.subproject), fact: `GCP project ${project}${type !== undefined ? `, type "${type}"` : ''}, by the naming rule ${rule.pattern}` };
  return undefined;
}

/** The SIG a groups/<folder>/groups.yaml belongs to: `sig-release` → SIG Release, channel #sig-release. */
export function sigOfGroupsFile(file: string): Owner | undefined {
  const folder = /(?:^|\/)groups\/([^/]+)\/[^/]+$/.exec(file)?.[1];
  if (!folder) return undefined;
  const m = /^(sig|wg|committee|ug)-(.+)$/.exec(folder);
  const words = (m ? m[2]! : folder).split('-').map((w) => (w === 'k8s' ? 'K8s' : w.charAt(0).toUpperCase() + w.slice(1)));
  const prefix = m ? (m[1] === 'sig' || m[1] === 'wg' || m[1] === 'ug' ? m[1].toUpperCase() : 'Committee') : '';
  return { kind: 'sig', sig: `${prefix ? `${prefix} ` : ''}${words.join(' ')}`, channel: folder };
}

function resolveGroup(catalog: OwnershipCatalog, thing: string): Ownership | undefined {
  const group = catalog.groups.find((g) => g.emailId.toLowerCase() === thing || g.emailId.toLowerCase() === `${thing}@kubernetes.io`);
  if (!group) return undefined;
  const sig = sigOfGroupsFile(group.file);
  const facts = [`Google group ${group.emailId}, defined in ${group.file}`];
  if (group.approvers.length) facts.push(`Changes approved by (OWNERS): ${group.approvers.join(', ')}`);
  return { kind: 'group', thing: group.emailId, owner: sig ?? { kind: 'sig', sig: 'SIG K8s Infra' }, facts };
}

/** `registry.k8s.io/kube-state-metrics/kube-state-metrics:v2` → the image's staging project by the convention. */
function resolveImage(catalog: OwnershipCatalog, thing: string): Ownership | undefined {
  const direct = /^(?:[a-z0-9-]+\.)?(?:gcr\.io|docker\.pkg\.dev)\/(k8s-staging-[a-z0-9-]+)(?:\/|$)/.exec(thing)?.[1];
  const served = /^(?:registry\.k8s\.io|k8s\.gcr\.io|(?:[a-z]+\.)?gcr\.io\/k8s-artifacts-prod(?:\/images)?)\/([a-z0-9-]+)\/[^/]/.exec(thing)?.[1];
  const topLevel = /^(?:registry\.k8s\.io|k8s\.gcr\.io)\/[a-z0-9._-]+(?::[\w.-]+)?$/.test(thing);
  if (!direct && !served && !topLevel) return undefined;
  const registry = catalog.services.find((s) => s.aliases.includes('registry.k8s.io') || s.id === 'registry');
  const runBy = registry ? sub(registry.subproject) : undefined;
  if (topLevel && !direct && !served) {
    return { kind: 'image', thing, owner: runBy ?? { kind: 'sig', sig: 'SIG K8s Infra' }, facts: ['A top-level image of registry.k8s.io: promoted from the staging project of the Kubernetes release (k8s.gcr.io/<image>)'] };
  }
  const staging = direct ?? `k8s-staging-${served!}`;
  const facts = [`Image built in the staging project ${staging}${direct ? '' : ' (registry.k8s.io/<name>/… is promoted from k8s-staging-<name>)'}`];
  if (!catalog.projects.has(staging)) facts.push(`${staging} is not in infra/gcp/infra.yaml`);
  const writers = catalog.groups.find((g) => g.emailId.toLowerCase() === `k8s-infra-staging-${staging.slice('k8s-staging-'.length)}@kubernetes.io`);
  if (writers) {
    facts.push(`Pushed by ${writers.emailId}, defined in ${writers.file}`);
    const sig = sigOfGroupsFile(writers.file);
    if (sig && !(sig.kind === 'sig' && sig.channel === 'sig-k8s-infra')) return { kind: 'image', thing, owner: sig, ...(runBy ? { runBy } : {}), facts };
  }
  return { kind: 'image', thing, owner: runBy ?? { kind: 'sig', sig: 'SIG K8s Infra' }, facts };
}

function resolveDomain(catalog: OwnershipCatalog, thing: string): Ownership | undefined {
  const zone = [...catalog.zones.keys()].sort((a, b) => b.length - a.length).find((z) => thing === z || thing.endsWith(`.${z}`));
  if (!zone) return undefined;
  const records = catalog.zones.get(zone)!;
  const name = thing === zone ? '' : thing.slice(0, -(zone.length + 1));
  const wildcard = name.includes('.') ? `*.${name.split('.').slice(1).join('.')}` : '*';
  const types = records.get(name) ?? records.get(wildcard);
  if (!types) return undefined;
  const record = records.has(name) ? (name === '' ? 'the apex' : `the record ${name}`) : `the wildcard ${wildcard}`;
  const fact = `DNS: ${record} of zone ${zone} (${types.join(', ')}), in dns/zone-configs`;
  // A name a service's probes check is that service's; its record stays the DNS subproject's.
  const service = catalog.services.find((s) => s.subproject !== catalog.dnsSubproject && s.hosts?.includes(thing));
  if (service) return { kind: 'domain', thing, owner: sub(service.subproject), runBy: sub(catalog.dnsSubproject), facts: [`Served by ${service.name} (${service.id}), whose status probes check it`, fact] };
  return { kind: 'domain', thing, owner: sub(catalog.dnsSubproject), facts: [fact] };
}

function resolveBucket(catalog: OwnershipCatalog, bucket: string): Ownership | undefined {
  const bucketProject = catalog.buckets.get(bucket);
  if (bucketProject === undefined) return undefined;
  const p = projectOwner(catalog, bucketProject);
  return { kind: 'bucket', thing: `gs://${bucket}`, owner: p?.owner ?? { kind: 'sig', sig: 'SIG K8s Infra' }, facts: [`Bucket gs://${bucket} in project ${bucketProject} (audit/buckets-by-project.txt)`, ...(p ? [p.fact] : [])] };
}

/**
 * Who owns a thing someone names: an out-of-scope service first (prow.k8s.io is SIG Testing's
 * even though k8s.io has its record), then the group's services and their aliases, image paths,
 * Google groups, clusters, GCP projects, buckets and DNS names. Unknown: the closest names.
 */
export function resolveOwnership(input: string, catalog: OwnershipCatalog): OwnershipAnswer {
  const thing = normaliseThing(input);
  const bucket = thing.replace(/^gs:\/\//, '').replace(/\/.*$/, '');
  const outOfScope = catalog.outOfScope.find((o) => o.id === thing || o.names.some((n) => n.toLowerCase() === thing));
  if (outOfScope) {
    return { found: { kind: 'out-of-scope', thing, owner: { kind: 'sig', sig: outOfScope.sig, channel: outOfScope.channel, ...(outOfScope.note ? { note: outOfScope.note } : {}) }, facts: [`Not run by this group yet (outOfScope: ${outOfScope.id})`] } };
  }
  const service = catalog.services.find((s) => s.id === thing || s.name.toLowerCase() === thing || s.aliases.some((a) => a.toLowerCase() === thing));
  if (service) return { found: { kind: 'service', thing: service.id, owner: sub(service.subproject), facts: [`Service ${service.name} (${service.id}), SIGs ${service.sigs.join(', ')}`] } };
  // `gs://` says it is a bucket; a bare name is a project first (k8s-staging-x names both).
  const asBucket = thing.startsWith('gs://') ? resolveBucket(catalog, bucket) : undefined;
  if (asBucket) return { found: asBucket };
  const image = resolveImage(catalog, thing);
  if (image) return { found: image };
  const group = resolveGroup(catalog, thing);
  if (group) return { found: group };
  const cluster = catalog.clusters.get(thing);
  if (cluster) {
    const p = projectOwner(catalog, cluster.project);
    const service = catalog.services.find((s) => s.aliases.includes(thing));
    const owner = service ? sub(service.subproject) : (p?.owner ?? { kind: 'sig', sig: 'SIG K8s Infra' });
    return { found: { kind: 'cluster', thing, owner, facts: [`GKE cluster ${thing} in ${cluster.project}, ${cluster.location} (audit/gke-clusters-summary.txt)`, ...(p ? [p.fact] : [])] } };
  }
  const project = projectOwner(catalog, thing);
  if (project) return { found: { kind: 'project', thing, owner: project.owner, facts: [project.fact] } };
  const bareBucket = resolveBucket(catalog, bucket);
  if (bareBucket) return { found: bareBucket };
  const domain = resolveDomain(catalog, thing);
  if (domain) return { found: domain };
  return { found: undefined, suggestions: suggestions(catalog, thing) };
}

/** Every name `who-owns` answers for, for "did you mean". */
export function knownNames(catalog: OwnershipCatalog): string[] {
  return [
    ...catalog.outOfScope.flatMap((o) => o.names),
    ...catalog.services.flatMap((s) => [s.id, ...s.aliases]),
    ...catalog.groups.map((g) => g.emailId),
    ...[...catalog.buckets.keys()].map((b) => `gs://${b}`),
    ...catalog.clusters.keys(),
    ...catalog.projects.keys(),
    ...[...catalog.zones].flatMap(([zone, records]) => [...records.keys()].filter((r) => !r.includes('*')).map((r) => (r ? `${r}.${zone}` : zone))),
  ];
}

function suggestions(catalog: OwnershipCatalog, thing: string): string[] {
  const names = [...new Set(knownNames(catalog))];
  const out: string[] = [];
  let pool = names;
  for (let i = 0; i < 3; i++) {
    const m = closestMatch(thing, pool) ?? closestMatch(`gs://${thing}`, pool);
    if (!m) break;
    out.push(m);
    pool = pool.filter((n) => n !== m);
  }
  return out;
}
