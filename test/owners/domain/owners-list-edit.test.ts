import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { editOwnersList } from '../../../src/owners/domain/owners-list-edit.ts';

const CONFIG = readFileSync('config/infra.yaml', 'utf8');

function changedLines(a: string, b: string): { removed: string[]; added: string[] } {
  const x = a.split('\n');
  const y = b.split('\n');
  return { removed: x.filter((l) => !y.includes(l)), added: y.filter((l) => !x.includes(l)) };
}

describe('editing a subproject’s owners in infra.yaml as a person would', () => {
  it('adds to and removes from a flow list, touching that line only', () => {
    const added = editOwnersList(CONFIG, 'website', { kind: 'add', personId: 'hh' })!;
    expect(changedLines(CONFIG, added)).toEqual({ removed: ['    owners: [jimangel, nikhita, thockin]'], added: ['    owners: [jimangel, nikhita, thockin, hh]'] });
    const removed = editOwnersList(CONFIG, 'dns', { kind: 'remove', personId: 'upodroid' })!;
    expect(changedLines(CONFIG, removed)).toEqual({ removed: ['    owners: [ameukam, upodroid, xmudrii, dims]'], added: ['    owners: [ameukam, xmudrii, dims]'] });
    // The services' `- id: dns` further down is not a subproject: only the subprojects' list changed.
    expect((parse(removed) as { subprojects: { id: string; owners: string[] }[] }).subprojects.find((s) => s.id === 'dns')!.owners).toEqual(['ameukam', 'xmudrii', 'dims']);
  });

  it('keeps a block list in its style', () => {
    const text = 'subprojects:\n  - id: dns\n    name: DNS\n    owners:\n      - ameukam   # lead\n      - xmudrii\n    channel: dns\n';
    expect(editOwnersList(text, 'dns', { kind: 'add', personId: 'hh' })).toBe('subprojects:\n  - id: dns\n    name: DNS\n    owners:\n      - ameukam   # lead\n      - xmudrii\n      - hh\n    channel: dns\n');
    expect(editOwnersList(text, 'dns', { kind: 'remove', personId: 'ameukam' })).toBe('subprojects:\n  - id: dns\n    name: DNS\n    owners:\n      - xmudrii\n    channel: dns\n');
  });

  it('finds nothing to edit for an unknown subproject, and adds nobody twice', () => {
    expect(editOwnersList(CONFIG, 'nope', { kind: 'add', personId: 'hh' })).toBeUndefined();
    expect(editOwnersList(CONFIG, 'website', { kind: 'add', personId: 'nikhita' })).toBe(CONFIG);
  });
});
