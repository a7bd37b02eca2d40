import { describe, expect, it } from 'vitest';
import { suggestGroups } from '../../../src/access/use-cases/suggest-groups.ts';
import { catalogOf, k8sIoCatalog } from '../helpers/use-case-fixtures.ts';

describe('suggestGroups', async () => {
  const catalog = await k8sIoCatalog();
  const log = () => {
    const lines: string[] = [];
    return { lines, warn: (msg: unknown) => void lines.push(`warn ${String(msg)}`), error: (_obj: unknown, msg?: string) => void lines.push(`error ${msg}`) };
  };

  it('searches the catalog for what the person typed', async () => {
    const hits = await suggestGroups({ catalog: catalogOf(catalog), log: log() }, 'auditors', 2500);
    expect(hits[0]?.emailId).toBe('k8s-infra-gcp-auditors@kubernetes.io');
  });

  it('answers empty, within the wait, when the catalog is slow or unreadable', async () => {
    const slow = log();
    expect(await suggestGroups({ catalog: catalogOf('never'), log: slow }, 'auditors', 20)).toEqual([]);
    expect(slow.lines).toEqual(['warn group options: the catalog is still loading']);
    const down = log();
    expect(await suggestGroups({ catalog: catalogOf(new Error('GitHub 502')), log: down }, 'auditors', 2500)).toEqual([]);
    expect(down.lines).toEqual(['error group options: catalog unavailable']);
  });
});
