#!/usr/bin/env node
// The CLI: the compiled one in dist/ when it is there and newer than src/ (images, `npm run build`),
// else the TypeScript sources through tsx (a checkout during development; tsx is a devDependency).
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { distIsFresh, root } from '../scripts/dist.mjs';

let cli;
if (distIsFresh()) {
  cli = await import(pathToFileURL(join(root, 'dist', 'cli.js')).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../src/cli.ts');
}
process.exit(await cli.runCli(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s)));
