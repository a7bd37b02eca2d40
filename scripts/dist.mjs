// What `npm start` and the bin need to know about dist/: is it there and newer than its sources,
// and how to (re)build it. Plain JavaScript, so it runs before anything is compiled.
import { existsSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const distMain = join(root, 'dist', 'main.js');

function newestMtime(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/**
 * dist/ is fresh when it exists and nothing it is built from changed after it. An image that ships
 * dist/ without src/ counts as fresh: there is nothing to build from.
 */
export function distIsFresh() {
  const stamp = join(root, 'dist', '.built');
  if (!existsSync(distMain) || !existsSync(stamp)) return false;
  const src = join(root, 'src');
  if (!existsSync(src)) return true;
  // The lock file too: the bundle holds the dependencies.
  const inputs = [src, join(root, 'tsconfig.json'), join(root, 'tsconfig.build.json'), join(root, 'package-lock.json')].filter((p) => existsSync(p));
  const built = statSync(stamp).mtimeMs;
  return Math.max(...inputs.map(newestMtime)) <= built;
}

/**
 * Packages the bundle leaves in node_modules: native addons, clients loaded lazily (heavy, and only
 * some deployments use them: they must not cost memory or start-up time where they are not), and
 * pino, whose transports start workers from files beside its own; and supports-color, which debug
 * (under Bolt's express) asks for in a try and does without.
 */
export const EXTERNAL = ['better-sqlite3', 'pg-native', '@google-cloud/*', 'google-auth-library', 'google-gax', 'nodemailer', '@pagerduty/pdjs', 'pino', 'supports-color'];

/**
 * The bot and its CLI as two ES module entry points with shared chunks, the other dependencies
 * inside. One file read and parsed instead of some 1,700 small modules is what brings start-up
 * under a second; minified identifiers keep the source V8 holds small (about 10 MB less RSS),
 * while `keepNames` leaves function and class names readable in stack traces, and the source maps
 * beside the chunks give file and line with `NODE_OPTIONS=--enable-source-maps`. Returns esbuild's
 * result, whose metafile lists what each output imports.
 */
export function bundle(outdir) {
  const { buildSync } = createRequire(import.meta.url)('esbuild');
  return buildSync({
    absWorkingDir: root,
    metafile: true,
    entryPoints: ['src/main.ts', 'src/cli.ts'],
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.11',
    minify: true,
    keepNames: true,
    sourcemap: true,
    external: EXTERNAL,
    // Bundled CommonJS packages call require(): give every chunk one that resolves from dist/.
    banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}

/** A clean, type-checked build (no stale file from a deleted source survives); returns the exit code. */
export function build() {
  const startedAt = new Date();
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) return r.status ?? 1;
  try {
    bundle(join(root, 'dist'));
  } catch (err) {
    process.stderr.write(`k8s-infra-bot: bundling failed: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  // The stamp is written last (an interrupted build leaves dist/ stale, not half-fresh) and dated
  // when the build began: a source saved while it ran makes dist/ stale.
  const stamp = join(root, 'dist', '.built');
  writeFileSync(stamp, `${startedAt.toISOString()}\n`);
  utimesSync(stamp, startedAt, startedAt);
  return 0;
}
