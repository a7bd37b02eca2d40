import { readFileSync } from 'node:fs';

/**
 * The file before and after a real kubernetes/k8s.io commit, from a diff kept with the whole
 * file as context (test/fixtures/requests/dns-change-*.diff, see test/fixtures/SOURCES.md).
 */
export function sidesOfDiff(name: string): { path: string; before: string; after: string } {
  const text = readFileSync(`test/fixtures/requests/${name}`, 'utf8');
  const lines = text.split('\n');
  const path = /^\+\+\+ b\/(.+)$/m.exec(text)![1]!;
  const body = lines.slice(lines.findIndex((l) => l.startsWith('@@')) + 1);
  if (body.at(-1) === '') body.pop();
  const before: string[] = [];
  const after: string[] = [];
  let beforeEndsWithNewline = true;
  let afterEndsWithNewline = true;
  let last = ' ';
  for (const line of body) {
    if (line.startsWith('\\')) {
      if (last !== '+') beforeEndsWithNewline = false;
      if (last !== '-') afterEndsWithNewline = false;
      continue;
    }
    last = line[0] ?? ' ';
    const content = line.slice(1);
    if (last !== '+') before.push(content);
    if (last !== '-') after.push(content);
  }
  const join = (l: string[], nl: boolean) => l.join('\n') + (nl ? '\n' : '');
  return { path, before: join(before, beforeEndsWithNewline), after: join(after, afterEndsWithNewline) };
}
