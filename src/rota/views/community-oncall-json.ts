/**
 * The on-call document in the shape go.k8s.io/oncall serves and test-infra's tools read
 * (`{"Oncall": {"<rotation>": "<github handle>"}}`; slack-oncall-updater decodes it as a map of
 * strings, so every value is a string and "nobody" is the empty string, as the Prow bumper's
 * "Nobody is on call" check expects).
 */
export interface CommunityOncallEntry {
  /** The rotation's key in the document (`k8s-infra-<subproject>`, `k8s-infra-<subproject>-secondary`). */
  key: string;
  /** GitHub handle of who is on call now; absent when nobody is. */
  github?: string;
}

export interface CommunityOncallDocument {
  Oncall: Record<string, string>;
}

export function communityOncallJson(entries: readonly CommunityOncallEntry[]): CommunityOncallDocument {
  return { Oncall: Object.fromEntries(entries.map((e) => [e.key, e.github ?? ''])) };
}

/** The document's key for a subproject's on-call (and its secondary), kept apart from the community's own rotation names. */
export function communityOncallKey(subprojectId: string, layer: 'primary' | 'secondary'): string {
  return layer === 'primary' ? `k8s-infra-${subprojectId}` : `k8s-infra-${subprojectId}-secondary`;
}
