/**
 * A GitHub issue template (`.github/ISSUE_TEMPLATE/*.md`): front matter (`title`, `labels`) and a
 * body of `### Heading` sections, each with a hint to replace. Filling keeps the template's bytes
 * except the hints: the headings, their order and the blank lines around each answer. Pure.
 */
export interface IssueTemplate {
  title: string;
  labels: string[];
  /** Text before the first heading (often empty). */
  preamble: string;
  sections: TemplateSection[];
}

export interface TemplateSection {
  /** The heading line as written: `### Type of DNS update:`. */
  heading: string;
  /** The hint's lines without the blank lines around it. */
  hint: string;
  blankBefore: number;
  blankAfter: number;
}

export type TemplateResult = { ok: true; template: IssueTemplate } | { ok: false; reason: string };

export function parseIssueTemplate(text: string): TemplateResult {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
  if (!m) return { ok: false, reason: 'the template has no front matter between --- lines' };
  const meta = new Map<string, string>();
  for (const line of m[1]!.split(/\r?\n/)) {
    const kv = /^([A-Za-z_]+):\s*(.*)$/.exec(line);
    if (kv) meta.set(kv[1]!, unquote(kv[2]!.trim()));
  }
  const labels = (meta.get('labels') ?? '').replace(/^\[|\]$/g, '').split(',').map((l) => unquote(l.trim())).filter(Boolean);
  const lines = m[2]!.split('\n');
  const sections: TemplateSection[] = [];
  const preamble: string[] = [];
  let current: { heading: string; body: string[] } | undefined;
  const finish = () => {
    if (!current) return;
    const body = current.body;
    let before = 0;
    while (before < body.length && body[before] === '') before++;
    let after = 0;
    while (after < body.length - before && body[body.length - 1 - after] === '') after++;
    sections.push({ heading: current.heading, hint: body.slice(before, body.length - after).join('\n'), blankBefore: before, blankAfter: after });
  };
  let fenced = false;
  for (const line of lines) {
    // A `# comment` inside a fenced block is YAML, not a heading.
    if (/^(```|~~~)/.test(line)) fenced = !fenced;
    if (!fenced && /^#{1,6} /.test(line)) {
      finish();
      current = { heading: line, body: [] };
    } else if (current) current.body.push(line);
    else preamble.push(line);
  }
  finish();
  return { ok: true, template: { title: meta.get('title') ?? '', labels, preamble: preamble.join('\n'), sections } };
}

function unquote(s: string): string {
  return /^'.*'$|^".*"$/.test(s) ? s.slice(1, -1).replace(/''/g, "'") : s;
}

/** The body with every section's hint replaced by its answer; every heading must be answered, no other. */
export function fillIssueTemplate(template: IssueTemplate, answers: ReadonlyMap<string, string>): { ok: true; body: string } | { ok: false; reason: string } {
  const headings = template.sections.map((s) => s.heading);
  const unknown = [...answers.keys()].filter((h) => !headings.includes(h));
  if (unknown.length > 0) return { ok: false, reason: `the template has no heading ${unknown[0]}` };
  const missing = headings.filter((h) => !answers.has(h));
  if (missing.length > 0) return { ok: false, reason: `no answer for ${missing[0]}` };
  const parts = [template.preamble];
  for (const s of template.sections) {
    parts.push(s.heading, ...Array<string>(s.blankBefore).fill(''), answers.get(s.heading)!.replace(/\n+$/, ''), ...Array<string>(s.blankAfter).fill(''));
  }
  return { ok: true, body: parts.join('\n') };
}
