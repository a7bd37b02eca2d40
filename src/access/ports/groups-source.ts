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
