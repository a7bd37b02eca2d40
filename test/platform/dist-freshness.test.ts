/**
 * When `npm start` and the bin rebuild: scripts/dist.mjs, copied into a scratch checkout (it finds
 * the checkout from its own location), against dist/ and src/ timestamps set by hand.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = mkdtempSync(join(tmpdir(), 'k8s-infra-bot-fresh-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function touch(path: string, secondsAgo: number, text = ''): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  const at = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(path, at, at);
}

describe('dist/ freshness', () => {
  it('is stale when missing, fresh after a build, stale again when a source or tsconfig changes, fresh without src/ (an image)', async () => {
    mkdirSync(join(root, 'scripts'), { recursive: true });
    copyFileSync('scripts/dist.mjs', join(root, 'scripts', 'dist.mjs'));
    const { distIsFresh } = (await import(pathToFileURL(join(root, 'scripts', 'dist.mjs')).href)) as { distIsFresh(): boolean };
    touch(join(root, 'src', 'platform', 'start-bot.ts'), 100);
    touch(join(root, 'tsconfig.json'), 100);
    // A folder's time counts too (a file added or deleted); these were made just now.
    for (const dir of ['src', 'src/platform']) utimesSync(join(root, dir), new Date(Date.now() - 100_000), new Date(Date.now() - 100_000));
    expect(distIsFresh()).toBe(false);

    touch(join(root, 'dist', 'main.js'), 50);
    expect(distIsFresh()).toBe(false); // no stamp: an interrupted build
    touch(join(root, 'dist', '.built'), 50);
    expect(distIsFresh()).toBe(true);

    touch(join(root, 'src', 'platform', 'start-bot.ts'), 10);
    expect(distIsFresh()).toBe(false);
    touch(join(root, 'dist', '.built'), 5);
    expect(distIsFresh()).toBe(true);
    touch(join(root, 'tsconfig.build.json'), 1);
    expect(distIsFresh()).toBe(false);

    rmSync(join(root, 'src'), { recursive: true });
    rmSync(join(root, 'tsconfig.build.json'));
    rmSync(join(root, 'tsconfig.json'));
    expect(distIsFresh()).toBe(true);
  });
});
