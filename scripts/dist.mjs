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
  const inputs = [src, join(root, 'tsconfig.json'), join(root, 'tsconfig.build.json')].filter((p) => existsSync(p));
  const built = statSync(stamp).mtimeMs;
  return Math.max(...inputs.map(newestMtime)) <= built;
}

/** A clean build (no stale file from a deleted source survives); returns tsc's exit code. */
export function build() {
  const startedAt = new Date();
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
  if (r.status === 0) {
    // The stamp is written last (an interrupted build leaves dist/ stale, not half-fresh) and dated
    // when the build began: a source saved while tsc ran makes dist/ stale.
    const stamp = join(root, 'dist', '.built');
    writeFileSync(stamp, `${startedAt.toISOString()}\n`);
    utimesSync(stamp, startedAt, startedAt);
  }
  return r.status ?? 1;
}
