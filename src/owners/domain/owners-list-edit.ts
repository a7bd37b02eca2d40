/**
 * Edits a subproject's `owners:` list in infra.yaml the way a person would: the line in place,
 * in its own style (a flow list `owners: [a, b]` gets `, c`; a block list gets a `- c` line after
 * the last), nothing else in the file touched. Undefined when the subproject or its list is not found.
 */
export function editOwnersList(text: string, subprojectId: string, change: { kind: 'add' | 'remove'; personId: string }): string | undefined {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => new RegExp(`^(\\s*)- id: ${escape(subprojectId)}\\s*(#.*)?$`).test(l));
  if (start < 0) return undefined;
  const indent = /^(\s*)-/.exec(lines[start]!)![1]!.length;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*-\s/.test(line) && /^(\s*)/.exec(line)![1]!.length <= indent) return undefined;
    if (line.trim() !== '' && /^(\s*)/.exec(line)![1]!.length < indent) return undefined;
    const flow = /^(\s*owners:\s*\[)([^\]]*)(\].*)$/.exec(line);
    if (flow) {
      const items = flow[2]!.split(',').map((s) => s.trim()).filter(Boolean);
      const next = change.kind === 'add' ? (items.includes(change.personId) ? items : [...items, change.personId]) : items.filter((x) => x !== change.personId);
      lines[i] = `${flow[1]}${next.join(', ')}${flow[3]}`;
      return lines.join('\n');
    }
    const block = /^(\s*)owners:\s*(#.*)?$/.exec(line);
    if (block) {
      let end = i + 1;
      let itemIndent = '';
      while (end < lines.length && /^\s*-\s/.test(lines[end]!) && /^(\s*)/.exec(lines[end]!)![1]!.length > block[1]!.length) {
        itemIndent = /^(\s*)/.exec(lines[end]!)![1]!;
        end++;
      }
      if (change.kind === 'add') lines.splice(end, 0, `${itemIndent || `${block[1]}  `}- ${change.personId}`);
      else {
        const at = lines.slice(i + 1, end).findIndex((l) => l.trim().replace(/^-\s*/, '').replace(/\s*#.*$/, '') === change.personId);
        if (at >= 0) lines.splice(i + 1 + at, 1);
      }
      return lines.join('\n');
    }
  }
  return undefined;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
