import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { trimSlashes } from '../../access/domain/group-catalog.ts';
import type { GroupsSource } from '../../access/ports/groups-source.ts';

/** Reads group definitions from a checkout of the repository (`root` holds `groups/` and `OWNERS_ALIASES`). */
export class LocalDirectoryGroupsSource implements GroupsSource {
  constructor(
    private readonly root: string,
    private readonly groupsPath = 'groups',
  ) {}

  async listFiles(): Promise<string[]> {
    const base = join(this.root, trimSlashes(this.groupsPath));
    const entries = await readdir(base, { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => e.isFile())
      .map((e) => relative(this.root, join(e.parentPath, e.name)).split(sep).join('/'))
      .sort();
  }

  async readFile(path: string): Promise<string | undefined> {
    if (path.split('/').includes('..')) throw new Error(`refusing to read outside the checkout: ${path}`);
    try {
      return await readFile(join(this.root, ...path.split('/')), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }
}
