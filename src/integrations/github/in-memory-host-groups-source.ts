import type { GroupsSource } from '../../access/ports/groups-source.ts';
import type { InMemoryCodeHost } from './in-memory-code-host.ts';

/** Reads the in-memory host's base branch, so the catalog sees what the host holds. */
export class InMemoryHostGroupsSource implements GroupsSource {
  constructor(
    private readonly host: InMemoryCodeHost,
    private readonly paths: readonly string[],
  ) {}
  async listFiles(): Promise<string[]> {
    return [...this.paths];
  }
  async readFile(path: string): Promise<string | undefined> {
    return this.host.fileAt(this.host.baseBranch, path);
  }
}
