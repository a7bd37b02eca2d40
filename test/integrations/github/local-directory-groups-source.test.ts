import { describe, expect, it } from 'vitest';
import { LocalDirectoryGroupsSource } from '../../../src/integrations/github/local-directory-groups-source.ts';
import { K8S_IO_CHECKOUT } from '../../access/helpers/fixtures.ts';

describe('LocalDirectoryGroupsSource', () => {
  it('lists only files under the groups folder from a local checkout', async () => {
    const files = await new LocalDirectoryGroupsSource(K8S_IO_CHECKOUT).listFiles();
    expect(files).toContain('groups/sig-release/groups.yaml');
    expect(files).toContain('groups/restrictions.yaml');
    expect(files.every((f) => f.startsWith('groups/'))).toBe(true);
    expect(await new LocalDirectoryGroupsSource(K8S_IO_CHECKOUT).readFile('NOPE')).toBeUndefined();
  });
});
