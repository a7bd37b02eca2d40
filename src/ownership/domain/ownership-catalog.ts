/** What `who-owns` knows, as plain data read from the config and the inventories. */
export interface OwnershipCatalog {
  services: readonly { id: string; name: string; aliases: readonly string[]; subproject: string; sigs: readonly string[]; hosts?: readonly string[] }[];
  outOfScope: readonly { id: string; names: readonly string[]; sig: string; channel: string; note: string }[];
  /** The subproject that runs DNS: every record of every zone is its. */
  dnsSubproject: string;
  /** Zone → its records (`''` is the apex) with their types. */
  zones: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
  /** GCP project id → its type in infra.yaml (`staging`, `prow`, …). */
  projects: ReadonlyMap<string, string>;
  projectTypes: Readonly<Record<string, string>>;
  projectPatterns: readonly { pattern: string; subproject: string }[];
  /** Bucket name (no gs://) → its project. */
  buckets: ReadonlyMap<string, string>;
  /** Cluster name → where it runs. */
  clusters: ReadonlyMap<string, { project: string; location: string }>;
  /** Google groups of groups/**: the file that defines each, and who approves changes to it. */
  groups: readonly { emailId: string; name: string; file: string; approvers: readonly string[] }[];
}

/** Who answers for a thing: a subproject of the group (its channel and on-call), or another SIG. */
export type Owner = { kind: 'subproject'; subprojectId: string } | { kind: 'sig'; sig: string; channel?: string; note?: string };

export type ThingKind = 'service' | 'out-of-scope' | 'domain' | 'project' | 'bucket' | 'cluster' | 'group' | 'image';

export interface Ownership {
  kind: ThingKind;
  /** The thing as it was recognised (`k8s-staging-foo`, `gcsweb.k8s.io`). */
  thing: string;
  owner: Owner;
  /** Who runs the infrastructure under it, when that is not the owner (an image's registry). */
  runBy?: Owner;
  /** How the answer was found, one line each (plain text; the view escapes it). */
  facts: readonly string[];
}
