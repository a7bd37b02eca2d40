import { closestMatch } from '../../core/closest-match.ts';

export interface StatusTargetService {
  id: string;
  name: string;
  aliases?: readonly string[];
}

/** A service the group does not run yet (config `outOfScope`). */
export interface OutOfScopeEntry {
  id: string;
  names: readonly string[];
  sig: string;
  channel: string;
  note?: string;
}

export type StatusTarget<S extends StatusTargetService> =
  | { kind: 'service'; service: S }
  | { kind: 'out-of-scope'; entry: OutOfScopeEntry }
  | { kind: 'unknown'; query: string; suggestion: string | undefined };

/** What `/k8s-infra status <query>` refers to: by id, name or alias, forgiving `https://` and a trailing slash. */
export function findStatusTarget<S extends StatusTargetService>(
  query: string,
  services: readonly S[],
  outOfScope: readonly OutOfScopeEntry[],
): StatusTarget<S> {
  const q = normalize(query);
  const service = services.find((s) => [s.id, s.name, ...(s.aliases ?? [])].some((n) => normalize(n) === q));
  if (service) return { kind: 'service', service };
  const entry = outOfScope.find((o) => [o.id, ...o.names].some((n) => normalize(n) === q));
  if (entry) return { kind: 'out-of-scope', entry };
  const names = [...services.flatMap((s) => [s.id, s.name, ...(s.aliases ?? [])]), ...outOfScope.flatMap((o) => o.names)];
  return { kind: 'unknown', query: query.trim(), suggestion: closestMatch(q, names) };
}

function normalize(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/\/+$/, '');
}
