import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import {
  addGroupMember,
  compareMemberAddresses,
  groupMemberLayout,
  GroupsYamlEditError,
  memberInsertionIndex,
  membersOf,
  removeGroupMember,
} from '../../../src/access/domain/edit-group-members.ts';
import { lineDiff, parsePatch, reverseApply, apply } from '../helpers/unified-diff.ts';
import { readK8sIo } from '../helpers/fixtures.ts';

/** The three real access-request commits, and the group each one changed. */
const samples = [
  { patch: 'access-request-0ba2a2776.patch', group: 'k8s-infra-release-editors@kubernetes.io', email: 'jameswangel@gmail.com' },
  { patch: 'access-request-523847a9b.patch', group: 'k8s-infra-gcp-auditors@kubernetes.io', email: 'sj7trunks@pendulus.net' },
  { patch: 'access-request-f4c7a1827.patch', group: 'k8s-infra-staging-infra-tools@kubernetes.io', email: 'bentheelder@google.com' },
];

describe('addGroupMember reproduces the real access-request commits byte for byte', () => {
  for (const s of samples) {
    it(`${s.patch}: adds ${s.email} to ${s.group}`, () => {
      const diffs = parsePatch(readK8sIo(`sample-prs/${s.patch}`)).filter((d) => d.newPath.startsWith('groups/'));
      expect(diffs).toHaveLength(1);
      const diff = diffs[0]!;
      // The fixture is at a later commit (aba208c7) where these lines are unchanged: rebuild the file before the commit.
      const after = readK8sIo(diff.newPath);
      const before = reverseApply(after, diff);
      expect(apply(before, diff)).toBe(after);
      expect(before).not.toBe(after);

      const edit = addGroupMember(before, s.group, s.email);
      expect(edit.text).toBe(after);
      const plus = diff.hunks[0]!.lines.find((l) => l.op === '+')!;
      expect(edit.lineText).toBe(plus.text);
      expect(edit.text.split('\n')[edit.line - 1]).toBe(plus.text);

      const changes = lineDiff(before, edit.text);
      expect(changes).toEqual({ added: [plus.text], removed: [] });

      // And the reverse edit (removal at expiry) gives back the file before the commit.
      const removal = removeGroupMember(after, s.group, s.email);
      expect(removal.text).toBe(before);
      expect(lineDiff(after, removal.text)).toEqual({ added: [], removed: [plus.text] });
    });
  }
});

describe('member order', () => {
  it('compares case-insensitively, as the files do', () => {
    const distributors = ['security@rancher.com', 'Security@Ubuntu.com', 'security@vmware.com'];
    expect([...distributors].sort(compareMemberAddresses)).toEqual(distributors);
    expect(compareMemberAddresses('khnidk@microsoft.com', 'Ritazh@microsoft.com')).toBeLessThan(0);
  });

  it('finds the sorted position even when a pinned entry breaks the order (k8s-infra-release-editors)', () => {
    const list = ['k8s-infra-release-admins@kubernetes.io', 'adolfo.garcia@uservers.net', 'ctadeu@gmail.com', 'gveronicalg@gmail.com', 'k8s@auggie.dev'];
    expect(memberInsertionIndex(list, 'jameswangel@gmail.com')).toBe(4);
    // Before everything is in order too (no pair put out of order), so that is where it goes.
    expect(memberInsertionIndex(list, 'aaron@example.com')).toBe(0);
    expect(memberInsertionIndex(list, 'zed@example.com')).toBe(5);
  });

  it('inserts into a sorted list at its sorted position (property)', () => {
    const address = fc.stringMatching(/^[a-z][a-z0-9.]{0,8}@[a-z]{1,6}\.(com|io)$/);
    fc.assert(
      fc.property(fc.uniqueArray(address, { minLength: 0, maxLength: 15, selector: (s) => s.toLowerCase() }), address, (list, x) => {
        fc.pre(!list.some((m) => m.toLowerCase() === x.toLowerCase()));
        const sorted = [...list].sort(compareMemberAddresses);
        const at = memberInsertionIndex(sorted, x);
        const result = [...sorted.slice(0, at), x, ...sorted.slice(at)];
        expect(result).toEqual([...sorted, x].sort(compareMemberAddresses));
      }),
    );
  });
});

const groupsFile = (members: string[] | null, extra = '') =>
  [
    '# header comment',
    'groups:',
    '  - email-id: k8s-infra-one@kubernetes.io',
    '    name: k8s-infra-one',
    '    description: |-',
    '      first group',
    '    settings:',
    '      ReconcileMembers: "true" # keep',
    ...(members === null ? [] : ['    members:', ...members.map((m) => `      - ${m}`)]),
    extra,
    '  - email-id: k8s-infra-two@kubernetes.io',
    '    name: k8s-infra-two',
    '    members:',
    '      - zed@example.com',
    '',
  ].join('\n');

describe('addGroupMember on synthetic files', () => {
  it('keeps every other byte: exactly one added line, whatever the list (property)', () => {
    const address = fc.stringMatching(/^[a-z][a-z0-9.-]{0,8}@[a-z]{1,6}\.(com|io|dev)$/);
    fc.assert(
      fc.property(fc.uniqueArray(address, { minLength: 1, maxLength: 12, selector: (s) => s.toLowerCase() }), address, (list, x) => {
        fc.pre(!list.some((m) => m.toLowerCase() === x.toLowerCase()));
        const before = groupsFile(list);
        const edit = addGroupMember(before, 'k8s-infra-one@kubernetes.io', x);
        expect(lineDiff(before, edit.text)).toEqual({ added: [`      - ${x}`], removed: [] });
        const members = membersOf(edit.text, 'k8s-infra-one@kubernetes.io');
        expect(members).toHaveLength(list.length + 1);
        expect(members).toContain(x);
        expect(membersOf(edit.text, 'k8s-infra-two@kubernetes.io')).toEqual(['zed@example.com']);
        expect(removeGroupMember(edit.text, 'k8s-infra-one@kubernetes.io', x).text).toBe(before);
      }),
    );
  });

  it('a comment line opens a section: the chosen one gets the line, at its end or sorted position; by default the last', () => {
    const before = groupsFile(['alice@example.com', 'mallory@example.com']).replace('      - mallory', '      # SIG Release\n      - mallory');
    expect(before).toContain('      - alice@example.com\n      # SIG Release\n      - mallory@example.com\n');
    const first = addGroupMember(before, 'k8s-infra-one@kubernetes.io', 'bob@example.com', { section: 0 });
    expect(first.text).toContain('      - alice@example.com\n      - bob@example.com\n      # SIG Release\n      - mallory@example.com\n');
    const byTitle = addGroupMember(before, 'k8s-infra-one@kubernetes.io', 'bob@example.com', { section: 'SIG Release' });
    expect(byTitle.text).toContain('      - alice@example.com\n      # SIG Release\n      - bob@example.com\n      - mallory@example.com\n');
    expect(addGroupMember(before, 'k8s-infra-one@kubernetes.io', 'bob@example.com').text).toBe(byTitle.text);
    expect(groupMemberLayout(before, 'k8s-infra-one@kubernetes.io')?.sections.map((x) => x.title)).toEqual([undefined, 'SIG Release']);
    expect(() => addGroupMember(before, 'k8s-infra-one@kubernetes.io', 'bob@example.com', { section: 'SIG Gone' })).toThrow(/no section "SIG Gone"/);
  });

  it('the default section is the one whose members share the address’s affiliation (not a personal mailbox)', () => {
    const before = groupsFile(['a@corp.example', 'b@corp.example', 'c@gmail.com']).replace('      - c@gmail.com', '      # leads\n      - c@gmail.com');
    expect(addGroupMember(before, 'k8s-infra-one@kubernetes.io', 'z@corp.example').text).toContain('      - b@corp.example\n      - z@corp.example\n      # leads\n');
    expect(addGroupMember(before, 'k8s-infra-one@kubernetes.io', 'z@gmail.com').text).toContain('      # leads\n      - c@gmail.com\n      - z@gmail.com\n');
  });

  it('pinned group addresses stay on top: people go after them, a group joins them', () => {
    const before = groupsFile(['k8s-infra-x@kubernetes.io', 'k8s-infra-y@kubernetes.io', 'amy@example.com', 'bob@example.com']);
    expect(lineDiff(before, addGroupMember(before, 'k8s-infra-one@kubernetes.io', 'aaron@example.com').text).added).toEqual(['      - aaron@example.com']);
    expect(addGroupMember(before, 'k8s-infra-one@kubernetes.io', 'aaron@example.com').text).toContain('y@kubernetes.io\n      - aaron@example.com\n      - amy@');
    expect(addGroupMember(before, 'k8s-infra-one@kubernetes.io', 'k8s-infra-z@kubernetes.io').text).toContain('y@kubernetes.io\n      - k8s-infra-z@kubernetes.io\n      - amy@');
  });

  it('a list kept in join order gets an append; a sorted one a sorted insert', () => {
    const joined = groupsFile(['sbueringer@gmail.com', 'christi@example.com', 'naadir@example.com', 'cillian@example.com', 'ytijani@example.com']);
    expect(addGroupMember(joined, 'k8s-infra-one@kubernetes.io', 'fabrizio@example.com').text).toContain('ytijani@example.com\n      - fabrizio@example.com\n');
    const sorted = groupsFile(['amy@example.com', 'carl@example.com', 'dora@example.com']);
    expect(addGroupMember(sorted, 'k8s-infra-one@kubernetes.io', 'bob@example.com').text).toContain('amy@example.com\n      - bob@example.com\n      - carl@');
  });

  it('a note is written in the list’s style, on one line', () => {
    const before = groupsFile(['amy@example.com # 1.21 Lead', 'carl@example.com # 1.21 Shadow']);
    expect(groupMemberLayout(before, 'k8s-infra-one@kubernetes.io')?.everyLineHasNote).toBe(true);
    expect(addGroupMember(before, 'k8s-infra-one@kubernetes.io', 'bob@example.com', { note: ' 1.22\nShadow ' }).lineText).toBe('      - bob@example.com # 1.22 Shadow');
  });

  it('keeps quoting and trailing comments of neighbours, and follows double quotes', () => {
    const before = groupsFile(['"alice@example.com" # lead', '"carol@example.com"']);
    const edit = addGroupMember(before, 'k8s-infra-one@kubernetes.io', 'bob@example.com');
    expect(edit.lineText).toBe('      - "bob@example.com"');
    expect(edit.text).toContain('      - "alice@example.com" # lead\n      - "bob@example.com"\n      - "carol@example.com"\n');
  });

  it('appends after the last entry, before the blank line that ends the group', () => {
    const before = groupsFile(['alice@example.com']);
    const edit = addGroupMember(before, 'k8s-infra-one@kubernetes.io', 'zoe@example.com');
    expect(edit.text).toContain('      - alice@example.com\n      - zoe@example.com\n\n  - email-id: k8s-infra-two');
  });

  it('keeps CRLF line endings', () => {
    const before = groupsFile(['alice@example.com', 'carol@example.com']).replace(/\n/g, '\r\n');
    const edit = addGroupMember(before, 'k8s-infra-one@kubernetes.io', 'bob@example.com');
    expect(edit.text).toBe(before.replace('alice@example.com\r\n', 'alice@example.com\r\n      - bob@example.com\r\n'));
  });

  it('adds `members:` to a group that has none, indented like its siblings', () => {
    const before = groupsFile(null);
    const edit = addGroupMember(before, 'k8s-infra-one@kubernetes.io', 'bob@example.com');
    expect(lineDiff(before, edit.text)).toEqual({ added: ['    members:', '      - bob@example.com'], removed: [] });
    expect(parse(edit.text).groups[0].members).toEqual(['bob@example.com']);
    expect(edit.text.split('\n')[edit.line - 1]).toBe('      - bob@example.com');
    // Removing the only member takes the key away again.
    expect(removeGroupMember(edit.text, 'k8s-infra-one@kubernetes.io', 'bob@example.com').text).toBe(before);
  });

  it('fills an empty `members:`', () => {
    const before = groupsFile([]);
    const edit = addGroupMember(before, 'k8s-infra-one@kubernetes.io', 'bob@example.com');
    expect(lineDiff(before, edit.text)).toEqual({ added: ['      - bob@example.com'], removed: [] });
  });

  it('works at the end of a file without a final line break', () => {
    const before = 'groups:\n  - email-id: a@kubernetes.io\n    members:\n      - b@example.com';
    const edit = addGroupMember(before, 'a@kubernetes.io', 'c@example.com');
    expect(edit.text).toBe('groups:\n  - email-id: a@kubernetes.io\n    members:\n      - b@example.com\n      - c@example.com');
    expect(removeGroupMember(edit.text, 'a@kubernetes.io', 'c@example.com').text).toBe(before);
  });

  it('refuses clearly', () => {
    const file = groupsFile(['alice@example.com']);
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(GroupsYamlEditError);
        return (e as GroupsYamlEditError).code;
      }
      return 'no error';
    };
    expect(code(() => addGroupMember(file, 'nope@kubernetes.io', 'x@example.com'))).toBe('group-not-found');
    expect(code(() => addGroupMember(file, 'k8s-infra-one@kubernetes.io', 'ALICE@example.com'))).toBe('already-member');
    expect(code(() => addGroupMember('groups:\n  - email-id: [oops\n', 'a@b', 'x@example.com'))).toBe('unparseable');
    expect(code(() => addGroupMember('groups:\n  - email-id: a@b\n    members: [x@example.com]\n', 'a@b', 'y@example.com'))).toBe('unsupported-layout');
    expect(code(() => removeGroupMember(file, 'k8s-infra-one@kubernetes.io', 'bob@example.com'))).toBe('not-a-member');
  });

  it('rejects an address already an owner or manager', () => {
    const text = readK8sIo('groups/sig-k8s-infra/groups.yaml');
    expect(() => addGroupMember(text, 'sig-k8s-infra-leads@kubernetes.io', 'thockin@google.com')).toThrow(/already an owner/);
  });
});
