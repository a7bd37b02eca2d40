import { trimSlashes } from '../../../src/access/domain/group-catalog.ts';
import type { GroupsSource } from '../../../src/access/ports/groups-source.ts';

/** A groups source over files already in memory (path → text). */
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
