import { parseYaml11 } from '../../core/yaml11.ts';

/** One entry of `groups/restrictions.yaml`: which groups the file(s) at `path` may define. */
export interface Restriction {
  /** doublestar glob, relative to the groups folder (`sig-release/groups.yaml`, `**\/*`). */
  path: string;
  allowedGroups: RegExp[];
}

export function parseRestrictions(text: string): Restriction[] {
  const doc: unknown = parseYaml11(text, 'go-yaml-v2', 'restrictions.yaml');
  const list = typeof doc === 'object' && doc !== null && 'restrictions' in doc ? (doc as { restrictions: unknown }).restrictions : undefined;
  if (!Array.isArray(list)) throw new Error('restrictions.yaml: expected a top-level `restrictions:` list');
  return list.map((entry: unknown, i) => {
    if (typeof entry !== 'object' || entry === null || typeof (entry as { path?: unknown }).path !== 'string') {
      throw new Error(`restrictions.yaml: entry ${i} has no path`);
    }
    const { path, allowedGroups } = entry as { path: string; allowedGroups?: unknown };
    const patterns = Array.isArray(allowedGroups) ? allowedGroups.filter((g): g is string => typeof g === 'string') : [];
    return {
      path,
      allowedGroups: patterns.map((p) => {
        try {
          return new RegExp(p);
        } catch (err) {
          throw new Error(`restrictions.yaml: group pattern ${JSON.stringify(p)} for path ${JSON.stringify(path)}: ${(err as Error).message}`);
        }
      }),
    };
  });
}

/** doublestar semantics: `**` spans folders, `*` and `?` stay inside one path segment. */
function globToRegExp(glob: string): RegExp {
  let out = '^';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') {
        i++;
        out += '(?:.*/)?';
      } else out += '.*';
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`${out}$`);
}

/** The first restriction whose path matches (as the repo's own loader does), or undefined. */
function restrictionForPath(restrictions: readonly Restriction[], pathInGroupsDir: string): Restriction | undefined {
  return restrictions.find((r) => globToRegExp(r.path).test(pathInGroupsDir));
}

/** Whether `restrictions.yaml` lets the file at `pathInGroupsDir` define `emailId`; with no matching entry nothing is allowed. */
export function isGroupAllowedInFile(restrictions: readonly Restriction[], pathInGroupsDir: string, emailId: string): boolean {
  const r = restrictionForPath(restrictions, pathInGroupsDir);
  return r !== undefined && r.allowedGroups.some((re) => re.test(emailId));
}
