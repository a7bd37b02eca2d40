/**
 * The compiled bot: src/ bundled as `npm run build` bundles it (scripts/dist.mjs) into a temporary
 * directory laid out as the image is (dist/, package.json, production node_modules), started with
 * plain node: to /readyz on SQLite and on PostgreSQL, and its CLI.
 */
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { builtinModules } from 'node:module';
import type { Metafile } from 'esbuild';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quietExampleConfig, spawnBot } from '../helpers/bot-process.ts';
import { POSTGRES_URL, testSchemaName } from '../helpers/test-databases.ts';
import { bundle, EXTERNAL, root } from '../../scripts/dist.mjs';

let dir: string;
let metafile: Metafile;

describe('npm run build output', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'k8s-infra-bot-build-'));
    // Type-checking is CI's own step (tsc --noEmit); here only the bundle is under test.
    metafile = bundle(join(dir, 'dist')).metafile;
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

  it('is the two entry points and their chunks, whose relative imports name files that exist, and imports no package left out of the image', () => {
    const outputs = Object.entries(metafile.outputs).filter(([file]) => file.endsWith('.js'));
    expect(outputs.map(([file]) => file)).toEqual(expect.arrayContaining([expect.stringMatching(/dist\/main\.js$/), expect.stringMatching(/dist\/cli\.js$/)]));
    // A bundle, not a tree of modules: a few dozen chunks at most.
    expect(outputs.length).toBeLessThan(40);
    const imports = outputs.flatMap(([, output]) => output.imports);
    const missing = imports.filter((i) => !i.external && !existsSync(resolve(root, i.path))).map((i) => i.path);
    expect(missing).toEqual([]);
    const allowed = (spec: string) =>
      spec.startsWith('node:') || builtinModules.includes(spec) || EXTERNAL.some((e) => (e.endsWith('/*') ? spec.startsWith(e.slice(0, -1)) : spec === e || spec.startsWith(`${e}/`)));
    const packages = [...new Set(imports.filter((i) => i.external).map((i) => i.path))];
    // Only the packages meant to stay outside are imported from node_modules, and they are there.
    expect(packages.filter((p) => !allowed(p))).toEqual([]);
    expect(packages).toEqual(expect.arrayContaining(['better-sqlite3', 'pino']));
  });

  it('runs its CLI: check-config accepts the example config', () => {
    const r = spawnSync(process.execPath, [join(dir, 'dist', 'cli.js'), 'check-config', 'config/infra.yaml'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
    expect(r.stdout).toMatch(/config\/infra\.yaml/);
  });

  it('starts on PostgreSQL (the driver is inside the bundle) and answers /readyz', async () => {
    const schema = testSchemaName();
    const admin = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 5000 });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const url = new URL(POSTGRES_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const bot = await spawnBot({ args: [join(dir, 'dist', 'main.js')], env: { INFRA_CONFIG: quietExampleConfig(), LOG_LEVEL: 'info', DATABASE_URL: url.toString() } });
    try {
      await bot.waitReady(30_000);
      expect(bot.output()).toMatch(/postgres/i);
    } finally {
      bot.kill('SIGTERM');
    }
    expect(await bot.exited).toBe(0);
  }, 60_000);

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
