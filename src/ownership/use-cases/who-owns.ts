import type { GroupDefinition } from '../../access/api.ts';
import type { CoreConfig } from '../../platform/config/core-schema.ts';
import type { PeopleDirectory } from '../../platform/config/people-directory.ts';
import type { RotaApi } from '../../rota/api.ts';
import type { OwnershipSettings } from '../config.ts';
import type { Owner, Ownership, OwnershipCatalog } from '../domain/ownership-catalog.ts';
import { resolveOwnership } from '../domain/resolve-ownership.ts';
import type { Inventories } from '../inventory/read-inventories.ts';

export interface WhoOwnsDeps {
  config: Pick<CoreConfig, 'services' | 'outOfScope' | 'subprojects'>;
  settings: Pick<OwnershipSettings, 'projectTypes' | 'projectPatterns' | 'externalOncall'>;
  inventories: Inventories;
  /** The access capability's groups, or a throw when it is not running. */
  groups: () => Promise<readonly GroupDefinition[]>;
  /** The rota's on-call, or a throw when it is not running. */
  rota: () => Pick<RotaApi, 'onCall'>;
  people: Pick<PeopleDirectory, 'mention'>;
}

/** An owner as the answer shows it: who, where to ask, who is on call now. */
export interface OwnerView {
  title: string;
  channel?: string;
  /** Mentions of who is on call now, labelled (`primary`, `secondary`). */
  oncall: { role: string; who: string }[];
  /** A Slack user group that reaches the on-call (plain text, never a ping). */
  usergroup?: string;
  /** Said when nobody is on call through this bot (no rotation; owners listed instead). */
  fallback?: string;
  note?: string;
}

export type WhoOwnsResult = { kind: 'found'; ownership: Ownership; owner: OwnerView; runBy?: OwnerView; problems: string[] } | { kind: 'unknown'; input: string; suggestions: string[]; problems: string[] };

async function ownerView(deps: WhoOwnsDeps, owner: Owner, now: Date, problems: string[]): Promise<OwnerView> {
  if (owner.kind === 'sig') {
    const handle = deps.settings.externalOncall[owner.sig];
    return { title: owner.sig, ...(owner.channel ? { channel: owner.channel } : {}), oncall: [], ...(handle ? { usergroup: handle } : {}), ...(owner.note ? { note: owner.note } : {}) };
  }
  const s = deps.config.subprojects.find((x) => x.id === owner.subprojectId);
  if (!s) return { title: owner.subprojectId, oncall: [] };
  const view: OwnerView = { title: `${s.name} (${s.id}), SIG K8s Infra`, channel: s.channel, oncall: [], ...(s.syncUsergroup ? { usergroup: `k8s-infra-oncall-${s.id}` } : {}) };
  if (s.rotations.length === 0) return { ...view, fallback: `No rotation: ask an owner, ${s.owners.map((o) => deps.people.mention(o)).join(', ')}` };
  try {
    const onCall = await deps.rota().onCall(s.id, now);
    if (onCall.primary) view.oncall.push({ role: 'primary', who: deps.people.mention(onCall.primary) });
    if (onCall.secondary) view.oncall.push({ role: 'secondary', who: deps.people.mention(onCall.secondary) });
    if (!onCall.primary) view.fallback = `Nobody is on call right now: ask an owner, ${s.owners.map((o) => deps.people.mention(o)).join(', ')}`;
  } catch (err) {
    problems.push(`on-call unknown: ${(err as Error).message}`);
  }
  return view;
}

/** The host names a service's probes check: http URLs' hosts, dns probes' records. */
export function probedHosts(probes: CoreConfig['services'][number]['probes']): string[] {
  return probes.flatMap((p) => {
    if (p.type === 'http') return [new URL(p.url).hostname.toLowerCase()];
    if (p.type === 'dns') return p.records.map((r) => (r ? `${r}.${p.zone}` : p.zone).toLowerCase());
    return [];
  });
}

/** `/k8s-infra who-owns <thing>`: the owner from the config and the inventories, with its channel and on-call now. */
export async function whoOwns(deps: WhoOwnsDeps, query: { thing: string; now: Date }): Promise<WhoOwnsResult> {
  const problems = [...deps.inventories.problems];
  let groups: readonly GroupDefinition[] = [];
  try {
    groups = await deps.groups();
  } catch (err) {
    problems.push(`Google groups unknown: ${(err as Error).message}`);
  }
  const dns = deps.config.services.find((s) => s.id === 'dns')?.subproject ?? 'dns';
  const catalog: OwnershipCatalog = {
    services: deps.config.services.map((s) => ({ ...s, hosts: probedHosts(s.probes) })),
    outOfScope: deps.config.outOfScope,
    dnsSubproject: dns,
    zones: deps.inventories.zones,
    projects: deps.inventories.projects,
    projectTypes: deps.settings.projectTypes,
    projectPatterns: deps.settings.projectPatterns,
    buckets: deps.inventories.buckets,
    clusters: deps.inventories.clusters,
    groups,
  };
  const answer = resolveOwnership(query.thing, catalog);
  if (!answer.found) return { kind: 'unknown', input: query.thing, suggestions: answer.suggestions, problems };
  const owner = await ownerView(deps, answer.found.owner, query.now, problems);
  const runBy = answer.found.runBy ? await ownerView(deps, answer.found.runBy, query.now, problems) : undefined;
  return { kind: 'found', ownership: answer.found, owner, ...(runBy ? { runBy } : {}), problems };
}
