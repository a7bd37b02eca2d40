/**
 * The compiled bot: src/ built by tsc with the build tsconfig into a temporary directory laid out
 * as the image is (dist/, package.json, node_modules, config), started with plain node to /readyz.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quietExampleConfig, spawnBot } from '../helpers/bot-process.ts';

let dir: string;

function filesUnder(path: string): string[] {
  return readdirSync(path, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(path, e.name)) : [join(path, e.name)]));
}

describe('npm run build output', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'k8s-infra-bot-build-'));
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    // Type-checking is CI's own step (tsc --noEmit); here only the emitted JavaScript is under test.
    const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--noCheck', '--outDir', join(dir, 'dist')], { encoding: 'utf8' });
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
    copyFileSync('package.json', join(dir, 'package.json'));
    // Only the production dependencies, as the image has them: a runtime import of tsx, typescript
    // or any other devDependency fails to resolve here.
    const ls = spawnSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { encoding: 'utf8' });
    const top = new Set(ls.stdout.split('\n').map((p) => relative(resolve('node_modules'), p)).filter((p) => p && !p.startsWith('..') && !p.includes('/node_modules/')));
    expect(top.size).toBeGreaterThan(50);
    expect(top.has('tsx')).toBe(false);
    for (const name of top) {
      mkdirSync(dirname(join(dir, 'node_modules', name)), { recursive: true });
      symlinkSync(resolve('node_modules', name), join(dir, 'node_modules', name));
    }
  }, 180_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('emits JavaScript whose relative imports name .js files that exist', () => {
    const files = filesUnder(join(dir, 'dist')).filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(100);
    expect(existsSync(join(dir, 'dist', 'main.js'))).toBe(true);
    const missing: string[] = [];
    for (const file of files) {
      // Static imports start a line in tsc's output; a string that merely looks like one does not.
      for (const m of readFileSync(file, 'utf8').matchAll(/^(?:import|export)\b[^'"]*?from\s+["'](\.{1,2}\/[^"']+)["']|\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/gm)) {
        const spec = m[1] ?? m[2]!;
        const target = resolve(file, '..', spec);
        if (!target.endsWith('.js') || !existsSync(target)) missing.push(`${file}: ${spec}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('starts with plain node and production dependencies only in local mode and answers /readyz, then exits 0 on SIGTERM', async () => {
    const bot = await spawnBot({ args: [join(dir, 'dist', 'main.js')], env: { INFRA_CONFIG: quietExampleConfig(), LOG_LEVEL: 'info' } });
    try {
      await bot.waitReady(30_000);
      const help = await fetch(`${bot.url}/sandbox`);
      expect(help.status).toBe(200);
    } finally {
      bot.kill('SIGTERM');
    }
    expect(await bot.exited).toBe(0);
  }, 60_000);
});
