/** `npm start` and the image run node with the same flags (the ones bench/runtime.bench.ts measures). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('node flags', () => {
  it('package.json start and the Dockerfile CMD agree', () => {
    const start = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start.split(/\s+/);
    const cmdLine = /^CMD (\[.*\])$/m.exec(readFileSync('Dockerfile', 'utf8'))?.[1];
    const cmd = JSON.parse(cmdLine ?? '[]') as string[];
    const flags = (args: string[]) => args.filter((a) => a.startsWith('--'));
    expect(start[0]).toBe('node');
    expect(start.at(-1)).toBe('scripts/start.mjs');
    expect(cmd).toEqual(['node', ...flags(start), 'dist/main.js']);
    expect(flags(start)).toContain('--max-semi-space-size=2');
  });
});
