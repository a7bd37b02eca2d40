/**
 * The import graph of src/, checked against the rules in docs/architecture.md. Plain vitest over
 * the source text: every `import … from '…'`, `export … from '…'` and `import('…')`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve('src');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

interface Edge {
  from: string;
  /** Path under src/ for a relative import, or the package name. */
  to: string;
  relative: boolean;
  typeOnly: boolean;
}

const IMPORT = /(?:^|\n)\s*(import|export)\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function edgesOf(file: string): Edge[] {
  const text = readFileSync(file, 'utf8');
  const from = relative(ROOT, file).split(sep).join('/');
  const edges: Edge[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[3] ?? m[4];
    if (!spec) continue;
    const isRelative = spec.startsWith('.');
    const to = isRelative ? relative(ROOT, resolve(dirname(file), spec)).split(sep).join('/') : spec;
    edges.push({ from, to, relative: isRelative, typeOnly: m[2] !== undefined });
  }
  return edges;
}

const FILES = walk(ROOT);
const EDGES = FILES.flatMap(edgesOf);
const CAPABILITY_FOLDERS = readdirSync(ROOT, { withFileTypes: true })
  .filter((e) => e.isDirectory() && e.name !== 'platform' && FILES.some((f) => relative(ROOT, f).split(sep).join('/') === `${e.name}/capability.ts`))
  .map((e) => e.name);
/** Listener folders are named for the capability (paging's engine lives in src/escalation/). */
const HANDLER_FOLDER_OF: Record<string, string> = { escalation: 'paging' };
const handlerFolder = (cap: string) => `handlers/${HANDLER_FOLDER_OF[cap] ?? cap}/`;

/** Which capability a path belongs to (its folder or its listeners' folder), if any. */
function capabilityOf(path: string): string | undefined {
  for (const cap of CAPABILITY_FOLDERS) if (path.startsWith(`${cap}/`) || path.startsWith(handlerFolder(cap))) return cap;
  return undefined;
}

/** Never in a domain folder: I/O clients, drivers, the web framework. */
const FORBIDDEN_IN_DOMAIN = [/^@slack\//, /^@octokit\//, /^@google-cloud\//, /^google-auth-library$/, /^@pagerduty\//, /^kysely$/, /^pg$/, /^better-sqlite3$/, /^express$/, /^pino$/, /^nodemailer$/, /^node:(fs|net|http|https|dns|child_process|dgram|tls)(\/|$)/];

/**
 * Transitional: violations that exist while the capabilities move behind the contract. Each
 * capability's conversion removes its own lines; the list must end empty.
 */
const TRANSITIONAL = new Set<string>([
]);

function violations(rule: (e: Edge) => string | undefined): string[] {
  return EDGES.flatMap((e) => {
    if (TRANSITIONAL.has(`${e.from} -> ${e.to}`)) return [];
    const why = rule(e);
    return why ? [`${e.from} -> ${e.to}: ${why}`] : [];
  });
}

describe('architecture (docs/architecture.md)', () => {
  it('has no transitional exception left that the code no longer needs', () => {
    const present = new Set(EDGES.map((e) => `${e.from} -> ${e.to}`));
    expect([...TRANSITIONAL].filter((t) => !present.has(t))).toEqual([]);
  });

  it('finds the capabilities and their imports', () => {
    expect(CAPABILITY_FOLDERS).toEqual(expect.arrayContaining(['access', 'escalation', 'incidents', 'rota', 'status']));
    expect(EDGES.length).toBeGreaterThan(500);
  });

  it('a domain folder imports only src/core/ and itself, and no I/O client', () => {
    const found = violations((e) => {
      const m = /^([^/]+)\/domain\//.exec(e.from);
      if (!m) return undefined;
      if (!e.relative) return FORBIDDEN_IN_DOMAIN.some((p) => p.test(e.to)) ? 'a domain folder must not use an I/O client' : undefined;
      if (e.to.startsWith('core/') || e.to.startsWith(`${m[1]}/domain/`)) return undefined;
      return 'a domain folder imports only src/core/ and itself';
    });
    expect(found).toEqual([]);
  });

  it('a domain folder never reads the clock', () => {
    const found = FILES.filter((f) => /\/domain\//.test(f)).flatMap((f) => {
      const text = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      return /Date\.now\(\)|new Date\(\s*\)|performance\.now\(\)/.test(text) ? [relative(ROOT, f)] : [];
    });
    expect(found).toEqual([]);
  });

  it('one capability reaches another only through its api.ts', () => {
    const found = violations((e) => {
      if (!e.relative) return undefined;
      const from = capabilityOf(e.from);
      const to = capabilityOf(e.to);
      if (!from || !to || from === to) return undefined;
      return e.to === `${to}/api.ts` ? undefined : `${from} imports ${to}'s internals instead of ${to}/api.ts`;
    });
    expect(found).toEqual([]);
  });

  it('only a capability’s capability.ts imports its Slack listeners', () => {
    const found = violations((e) => {
      if (!e.relative || !e.to.startsWith('handlers/')) return undefined;
      const owner = CAPABILITY_FOLDERS.find((cap) => e.to.startsWith(handlerFolder(cap)));
      if (owner && (e.from === `${owner}/capability.ts` || e.from.startsWith(handlerFolder(owner)))) return undefined;
      return 'listener files are registered by their capability.ts only';
    });
    expect(found).toEqual([]);
  });

  it('the platform learns of capabilities only through the CAPABILITIES list and their api.ts', () => {
    const found = violations((e) => {
      if (!e.relative || !e.from.startsWith('platform/')) return undefined;
      const to = capabilityOf(e.to);
      if (!to) return undefined;
      if (e.from === 'platform/capabilities.ts' && e.to === `${to}/capability.ts`) return undefined;
      return 'the platform must not depend on a capability';
    });
    expect(found).toEqual([]);
  });

  it('src/platform/store/ depends on nothing above it', () => {
    const found = violations((e) => {
      if (!e.relative || !e.from.startsWith('platform/store/')) return undefined;
      return e.to.startsWith('platform/store/') || e.to.startsWith('core/') ? undefined : 'the store layer imports only itself and core/';
    });
    expect(found).toEqual([]);
  });

  it('core/ is shared by everyone and depends on no one', () => {
    const found = violations((e) => (e.relative && e.from.startsWith('core/') && !e.to.startsWith('core/') ? 'core/ imports only itself' : undefined));
    expect(found).toEqual([]);
  });
});
