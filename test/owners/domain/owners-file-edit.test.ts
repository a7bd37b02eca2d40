import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { editOwnersFile, OwnersFileEditError, ownersInsertionIndex } from '../../../src/owners/domain/owners-file-edit.ts';

/** kubernetes/k8s.io OWNERS_ALIASES @ aba208c7 (newer) and @ 020b0b94 (older). */
const NEWER = readFileSync('test/fixtures/k8s.io/OWNERS_ALIASES', 'utf8');
const OLDER = readFileSync('test/fixtures/owners/OWNERS_ALIASES-020b0b94', 'utf8');
/** kubernetes/k8s.io groups/OWNERS and dns/OWNERS. */
const GROUPS_OWNERS = readFileSync('test/fixtures/k8s.io/groups/OWNERS', 'utf8');
const DNS_OWNERS = readFileSync('test/fixtures/requests/dns/OWNERS', 'utf8');

/** The lines that differ (added with `+`, removed with `-`), in file order. */
function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  return [...a.slice(i, a.length - j).map((l) => `-${l}`), ...b.slice(i, b.length - j).map((l) => `+${l}`)];
}

const alias = (name: string) => ({ kind: 'alias', alias: name }) as const;

describe('editOwnersFile on kubernetes/k8s.io OWNERS_ALIASES', () => {
  it('replays the real edits between two versions of the file byte for byte (all but the two aliases added whole)', () => {
    let text = OLDER;
    const step = (name: string, kind: 'add' | 'remove', handle: string, note?: string) => {
      const out = editOwnersFile(text, alias(name), { kind, handle, ...(note ? { note } : {}) });
      expect(out, `${kind} ${handle} in ${name}`).toBeDefined();
      text = out!;
    };
    step('sig-instrumentation-leads', 'remove', 'brancz');
    step('sig-instrumentation-leads', 'add', 'dgrisonnet');
    step('sig-scalability-leads', 'remove', 'mm4tt');
    step('sig-scalability-leads', 'add', 'marseel');
    step('build-admins', 'remove', 'amwat');
    step('build-admins', 'add', 'juanfescobar');
    for (const list of ['release-engineering-approvers', 'release-engineering-reviewers']) {
      step(list, 'add', 'palnabarun', 'Release Manager');
      step(list, 'add', 'Verolop', 'Release Manager');
    }
    // The newer file also has two new aliases (publishing-bot-*), written whole by a person: not an edit of a list.
    const lines = NEWER.split('\n');
    const from = lines.indexOf('  publishing-bot-approvers:');
    const to = lines.indexOf('  release-engineering-approvers:');
    expect(from).toBeGreaterThan(0);
    const newerWithoutNewAliases = [...lines.slice(0, from), ...lines.slice(to)].join('\n');
    expect(text).toBe(newerWithoutNewAliases);
  });

  it('adds one line in sorted position (without case, as the lists are kept) and removes it again', () => {
    const added = editOwnersFile(NEWER, alias('sig-k8s-infra-leads'), { kind: 'add', handle: 'BenTheElder' })!;
    expect(changedLines(NEWER, added)).toEqual(['+    - BenTheElder']);
    expect(added.split('\n').slice(51, 57)).toEqual(['  sig-k8s-infra-leads:', '    - ameukam', '    - BenTheElder', '    - dims', '    - spiffxp', '    - thockin']);
    expect(parse(added).aliases['sig-k8s-infra-leads']).toEqual(['ameukam', 'BenTheElder', 'dims', 'spiffxp', 'thockin']);
    expect(editOwnersFile(added, alias('sig-k8s-infra-leads'), { kind: 'remove', handle: 'benTheElder' })).toBe(NEWER);
  });

  it('appends to a list not kept sorted, and keeps the notes of a list that carries them', () => {
    const azure = editOwnersFile(NEWER, alias('provider-azure'), { kind: 'add', handle: 'aaron' })!;
    expect(changedLines(NEWER, azure)).toEqual(['+    - aaron']);
    expect(azure).toContain('    - khenidak\n    - aaron\n  provider-gcp:');
    const rel = editOwnersFile(NEWER, alias('release-engineering-reviewers'), { kind: 'add', handle: 'hh', note: 'Release Manager' })!;
    expect(changedLines(NEWER, rel)).toEqual(['+    - hh # Release Manager']);
    expect(rel).toContain('    - cpanato # subproject owner / Release Manager / SIG Technical Lead\n    - hh # Release Manager\n    - jeremyrickard');
  });

  it('keeps a comment with the entry under it and does not cross into the next alias', () => {
    const add = editOwnersFile(NEWER, alias('test-infra-oncall'), { kind: 'add', handle: 'zz-last' })!;
    expect(changedLines(NEWER, add)).toEqual(['+    - zz-last']);
    expect(add).toContain('    - mpherman2\n    - zz-last\n  # people with sufficient privileges');
    const text = 'aliases:\n  a:\n    - alpha\n    # gamma is on call\n    - gamma\n';
    expect(editOwnersFile(text, alias('a'), { kind: 'add', handle: 'beta' })).toBe('aliases:\n  a:\n    - alpha\n    - beta\n    # gamma is on call\n    - gamma\n');
  });

  it('does nothing when there is nothing to do, and refuses what it cannot find or keep', () => {
    expect(editOwnersFile(NEWER, alias('sig-k8s-infra-leads'), { kind: 'add', handle: 'Dims' })).toBeUndefined();
    expect(editOwnersFile(NEWER, alias('sig-k8s-infra-leads'), { kind: 'remove', handle: 'nobody' })).toBeUndefined();
    expect(() => editOwnersFile(NEWER, alias('sig-nope-leads'), { kind: 'add', handle: 'x' })).toThrow(OwnersFileEditError);
    expect(() => editOwnersFile('approvers: [a, b]\n', { kind: 'list', list: 'approvers' }, { kind: 'add', handle: 'c' })).toThrow(/inline/);
    expect(() => editOwnersFile(DNS_OWNERS, { kind: 'list', list: 'reviewers' }, { kind: 'add', handle: 'c' })).toThrow(/reviewers/);
  });
});

describe('editOwnersFile on kubernetes/k8s.io OWNERS files', () => {
  it('groups/OWNERS: a list at the key column, not sorted, comments and other keys kept', () => {
    const add = editOwnersFile(GROUPS_OWNERS, { kind: 'list', list: 'approvers' }, { kind: 'add', handle: 'upodroid' })!;
    expect(changedLines(GROUPS_OWNERS, add)).toEqual(['+- upodroid']);
    expect(add).toContain('- nikhita\n- upodroid\n\nreviewers:');
    const rev = editOwnersFile(GROUPS_OWNERS, { kind: 'list', list: 'reviewers' }, { kind: 'add', handle: 'ameukam' })!;
    expect(changedLines(GROUPS_OWNERS, rev)).toEqual(['+- ameukam']);
    expect(rev).toContain('reviewers:\n- ameukam\n- MadhavJivrajani\n');
    const out = editOwnersFile(GROUPS_OWNERS, { kind: 'list', list: 'approvers' }, { kind: 'remove', handle: 'spiffxp' })!;
    expect(changedLines(GROUPS_OWNERS, out)).toEqual(['-- spiffxp']);
  });

  it('dns/OWNERS: sorted, indented list; the last one out leaves an empty list', () => {
    const add = editOwnersFile(DNS_OWNERS, { kind: 'list', list: 'approvers' }, { kind: 'add', handle: 'ameukam' })!;
    expect(changedLines(DNS_OWNERS, add)).toEqual(['+  - ameukam']);
    expect(add.startsWith('approvers:\n  - ameukam\n  - bburns\n')).toBe(true);
    let text = 'approvers:\n  - solo # the only one\nlabels:\n  - x\n';
    text = editOwnersFile(text, { kind: 'list', list: 'approvers' }, { kind: 'remove', handle: 'solo' })!;
    expect(text).toBe('approvers: []\nlabels:\n  - x\n');
  });
});

describe('editOwnersFile properties', () => {
  const handle = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,12}$/);
  it('an add changes exactly one line, keeps every other line, puts a sorted list in sorted order; removing it gives the file back', () => {
    fc.assert(
      fc.property(fc.uniqueArray(handle, { minLength: 1, maxLength: 8, selector: (h) => h.toLowerCase() }), handle, fc.boolean(), (list, extra, sorted) => {
        fc.pre(!list.some((h) => h.toLowerCase() === extra.toLowerCase()));
        const items = sorted ? [...list].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)) : list;
        const text = `# header\naliases:\n  before:\n    - keep\n  target:\n${items.map((h) => `    - ${h}`).join('\n')}\n  # trailing\n  after:\n    - keep\n`;
        const out = editOwnersFile(text, alias('target'), { kind: 'add', handle: extra })!;
        const diff = changedLines(text, out);
        expect(diff).toEqual([`+    - ${extra}`]);
        const got = parse(out).aliases.target as string[];
        expect(got.filter((h) => h !== extra)).toEqual(items);
        if (sorted) expect(got).toEqual([...got].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
        expect(editOwnersFile(out, alias('target'), { kind: 'remove', handle: extra })).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('on every alias of the real file: removing any handle and adding it back gives the file back byte for byte (sorted lists; notes given back)', () => {
    const aliases = parse(NEWER).aliases as Record<string, string[]>;
    const noteOf = (name: string, h: string) => new RegExp(`^    - ${h} # (.*)$`, 'm').exec(NEWER.slice(NEWER.indexOf(`  ${name}:\n`)))?.[1];
    let checked = 0;
    for (const [name, handles] of Object.entries(aliases)) {
      const sorted = handles.every((h, i) => i === 0 || ownersInsertionIndex(handles.slice(0, i), h) === i);
      if (!sorted || handles.length < 2) continue;
      for (const h of handles) {
        const removed = editOwnersFile(NEWER, alias(name), { kind: 'remove', handle: h })!;
        expect(changedLines(NEWER, removed)).toHaveLength(1);
        const note = noteOf(name, h);
        expect(editOwnersFile(removed, alias(name), { kind: 'add', handle: h, ...(note ? { note } : {}) }), `${name} ${h}`).toBe(NEWER);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(150);
  });

  it('ownersInsertionIndex: byte order when only that is sorted (the generated part of OWNERS_ALIASES)', () => {
    expect(ownersInsertionIndex(['BenTheElder', 'alvaroaleman', 'cjwagner'], 'Zed')).toBe(1);
    expect(ownersInsertionIndex(['ameukam', 'dims'], 'BenTheElder')).toBe(1);
    expect(ownersInsertionIndex(['c', 'a'], 'b')).toBe(2);
  });
});
