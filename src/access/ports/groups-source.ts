/**
 * Where group definitions come from: a checkout on disk or the GitHub repository.
 * Paths are relative to the repository root and use `/` (e.g. `groups/sig-release/groups.yaml`,
 * `OWNERS_ALIASES`), so the catalog sees the same paths whatever the source.
 */
export interface GroupsSource {
  /** Every file under the groups folder (repository-relative paths). */
  listFiles(): Promise<string[]>;
  /** A file's text, or undefined when it does not exist (e.g. a repository without OWNERS_ALIASES). */
  readFile(path: string): Promise<string | undefined>;
  /** Commit (or other version marker) the files were read at, when the source knows it. */
  revision?(): Promise<string | undefined>;
}

/** An in-memory source, for tests and for catalogs built from files already fetched. */
export class InMemoryGroupsSource implements GroupsSource {
  private readonly files: Map<string, string>;
  constructor(
    files: Record<string, string> | Map<string, string>,
    private readonly groupsPath = 'groups',
  ) {
    this.files = files instanceof Map ? new Map(files) : new Map(Object.entries(files));
  }
  async listFiles(): Promise<string[]> {
    const prefix = `${trimSlashes(this.groupsPath)}/`;
    return [...this.files.keys()].filter((p) => prefix === '/' || p.startsWith(prefix)).sort();
  }
  async readFile(path: string): Promise<string | undefined> {
    return this.files.get(path);
  }
}

export function trimSlashes(p: string): string {
  return p.replace(/^\/+|\/+$/g, '');
}
