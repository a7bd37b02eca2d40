/** Just enough of unified diff (git format-patch output) to rebuild a file as it was before a commit. */

export interface HunkLine {
  op: ' ' | '+' | '-';
  text: string;
}
export interface Hunk {
  oldStart: number;
  newStart: number;
  lines: HunkLine[];
}
export interface FileDiff {
  oldPath: string;
  newPath: string;
  hunks: Hunk[];
}

export function parsePatch(patch: string): FileDiff[] {
  const files: FileDiff[] = [];
  let file: FileDiff | undefined;
  let hunk: (Hunk & { oldLeft: number; newLeft: number }) | undefined;
  for (const line of patch.split('\n')) {
    if (hunk && (hunk.oldLeft > 0 || hunk.newLeft > 0)) {
      // Inside a hunk the header's line counts say where it ends.
      if (line.startsWith('\\')) continue;
      const op = line === '' ? ' ' : line[0];
      if (op !== ' ' && op !== '+' && op !== '-') throw new Error(`malformed hunk line: ${line}`);
      hunk.lines.push({ op, text: line.slice(1) });
      if (op !== '+') hunk.oldLeft--;
      if (op !== '-') hunk.newLeft--;
      continue;
    }
    if (line.startsWith('--- ')) {
      file = { oldPath: line.slice(4).replace(/^a\//, ''), newPath: '', hunks: [] };
      files.push(file);
      continue;
    }
    if (line.startsWith('+++ ') && file) {
      file.newPath = line.slice(4).replace(/^b\//, '');
      continue;
    }
    const header = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (header && file) {
      hunk = { oldStart: Number(header[1]), newStart: Number(header[3]), lines: [], oldLeft: Number(header[2] ?? 1), newLeft: Number(header[4] ?? 1) };
      file.hunks.push(hunk);
    }
  }
  return files.map((f) => ({ ...f, hunks: f.hunks.map(({ oldStart, newStart, lines }) => ({ oldStart, newStart, lines })) }));
}

function findBlock(lines: readonly string[], block: readonly string[], near: number): number {
  const matches: number[] = [];
  for (let i = 0; i + block.length <= lines.length; i++) {
    if (block.every((b, j) => lines[i + j] === b)) matches.push(i);
  }
  if (matches.length === 0) return -1;
  return matches.reduce((best, m) => (Math.abs(m - near) < Math.abs(best - near) ? m : best));
}

/**
 * Rebuilds the file before the commit from a later version of it: each hunk's new side (context
 * and `+` lines) must appear in `after`; it is replaced by the old side (context and `-` lines).
 * Throws if a hunk's new side is not found (the file changed there since the commit).
 */
export function reverseApply(after: string, diff: FileDiff): string {
  const lines = after.split('\n');
  for (const h of [...diff.hunks].reverse()) {
    const newSide = h.lines.filter((l) => l.op !== '-').map((l) => l.text);
    const oldSide = h.lines.filter((l) => l.op !== '+').map((l) => l.text);
    const at = findBlock(lines, newSide, h.newStart - 1);
    if (at < 0) throw new Error(`hunk @@ +${h.newStart} @@ of ${diff.newPath} not found in the later file`);
    lines.splice(at, newSide.length, ...oldSide);
  }
  return lines.join('\n');
}

/** Forward application, for checking a patch against a file known to be in the pre-commit state. */
export function apply(before: string, diff: FileDiff): string {
  const lines = before.split('\n');
  for (const h of [...diff.hunks].reverse()) {
    const oldSide = h.lines.filter((l) => l.op !== '+').map((l) => l.text);
    const newSide = h.lines.filter((l) => l.op !== '-').map((l) => l.text);
    const at = findBlock(lines, oldSide, h.oldStart - 1);
    if (at < 0) throw new Error(`hunk @@ -${h.oldStart} @@ of ${diff.oldPath} does not apply`);
    lines.splice(at, oldSide.length, ...newSide);
  }
  return lines.join('\n');
}

/** Line-level diff by longest common subsequence: which lines were added and removed. */
export function lineDiff(before: string, after: string): { added: string[]; removed: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  // Trim the common head and tail so the quadratic part stays small.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const dp = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--) for (let j = y.length - 1; j >= 0; j--) dp[i]![j] = x[i] === y[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  const added: string[] = [];
  const removed: string[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      i++;
      j++;
    } else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) removed.push(x[i++]!);
    else added.push(y[j++]!);
  }
  while (i < x.length) removed.push(x[i++]!);
  while (j < y.length) added.push(y[j++]!);
  return { added, removed };
}
