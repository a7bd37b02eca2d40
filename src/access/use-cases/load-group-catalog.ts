import { baseName, buildGroupCatalog, trimSlashes, type GroupCatalog } from '../domain/group-catalog.ts';
import type { GroupsSource } from '../ports/groups-source.ts';

/** Every OWNERS file that can apply to something under `groupsPath`: the folder's ancestors. */
function ancestorOwnersPaths(groupsPath: string): string[] {
  const parts = groupsPath === '' ? [] : groupsPath.split('/');
  const out: string[] = [];
  for (let depth = 0; depth <= parts.length; depth++) {
    const dir = parts.slice(0, depth).join('/');
    out.push(dir === '' ? 'OWNERS' : `${dir}/OWNERS`);
  }
  return out;
}

/** Reads everything the catalog needs from a source (local checkout or GitHub) and builds it. */
export async function loadGroupCatalog(source: GroupsSource, options: { groupsPath?: string } = {}): Promise<GroupCatalog> {
  const groupsPath = trimSlashes(options.groupsPath ?? 'groups');
  const listed = await source.listFiles();
  const wanted = listed.filter((p) => ['groups.yaml', 'restrictions.yaml', 'OWNERS'].includes(baseName(p)));
  const extra = ['OWNERS_ALIASES', ...ancestorOwnersPaths(groupsPath)].filter((p) => !wanted.includes(p));
  const files = new Map<string, string>();
  // A few reads at a time: the GitHub source makes one request per file.
  const queue = [...wanted, ...extra];
  const worker = async () => {
    for (let p = queue.shift(); p !== undefined; p = queue.shift()) {
      const text = await source.readFile(p);
      if (text !== undefined) files.set(p, text);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  const revision = source.revision ? await source.revision() : undefined;
  return buildGroupCatalog(files, { groupsPath, ...(revision ? { revision } : {}) });
}
