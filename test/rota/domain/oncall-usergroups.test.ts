import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseYaml11 } from '../../../src/core/yaml11.ts';
import { loadConfigFile } from '../../../src/platform/config/load-config.ts';
import { onCallUsergroupHandle, tempelisNote, tempelisUsergroupsBlock, TEMPELIS_USERGROUPS_FILE } from '../../../src/rota/domain/oncall-usergroups.ts';

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');

type Entry = Record<string, unknown>;
const usergroupsOf = (text: string): Entry[] => {
  const doc = parseYaml11(text, 'go-yaml-v2') as { usergroups: Entry[] };
  return doc.usergroups;
};

describe('the Tempelis block for the on-call user groups', () => {
  const real = usergroupsOf(fixture('community/slack-config/sig-testing-usergroups.yaml'));

  it('has the shape of the community’s externally maintained groups (sig-testing/usergroups.yaml)', () => {
    const ours = usergroupsOf(tempelisUsergroupsBlock([{ subprojectId: 'registry', rotations: ['registry-emea', 'registry-americas', 'registry-fallback'] }]));
    expect(ours).toEqual([{ name: 'k8s-infra-oncall-registry', external: true }]);
    // Same keys and value types as every entry of the real file.
    for (const entry of real) expect(Object.keys(ours[0]!).sort()).toEqual(Object.keys(entry).sort());
    expect(typeof real[0]!.external).toBe(typeof ours[0]!.external);
  });

  it('lists one entry per group however many rotations feed it, with a comment naming them', () => {
    const block = tempelisUsergroupsBlock([
      { subprojectId: 'registry', rotations: ['registry-emea', 'registry-americas', 'registry-fallback'] },
      { subprojectId: 'dns', rotations: ['dns-primary'] },
    ]);
    expect(usergroupsOf(block).map((g) => g.name)).toEqual(['k8s-infra-oncall-registry', 'k8s-infra-oncall-dns']);
    expect(block).toContain('# maintained by k8s-infra-bot: on call for registry (rotations: registry-emea, registry-americas, registry-fallback)');
    expect(block).toMatchInlineSnapshot(`
      "usergroups:
        # maintained by k8s-infra-bot: on call for registry (rotations: registry-emea, registry-americas, registry-fallback)
        - name: k8s-infra-oncall-registry
          external: true

        # maintained by k8s-infra-bot: on call for dns (rotations: dns-primary)
        - name: k8s-infra-oncall-dns
          external: true
      "
    `);
  });

  it('names the same handle the Slack adapter keeps', () => {
    expect(onCallUsergroupHandle('registry')).toBe('k8s-infra-oncall-registry');
  });

  it('says nothing when no subproject syncs a user group', () => {
    expect(tempelisNote([])).toBeUndefined();
  });

  it('check-config prints it for the example config, whose registry subproject syncs its group', () => {
    const result = loadConfigFile('config/infra.yaml');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const note = result.notes.find((n) => n.includes(TEMPELIS_USERGROUPS_FILE));
    expect(note).toBeDefined();
    const block = note!.slice(note!.indexOf('usergroups:'));
    const synced = result.config.subprojects.filter((s) => s.syncUsergroup).map((s) => onCallUsergroupHandle(s.id));
    expect(usergroupsOf(block).map((g) => g.name)).toEqual(synced);
    expect(synced.length).toBeGreaterThan(0);
  });
});
