#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so the bin works from a checkout without a build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli.ts');
process.exit(await runCli(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s)));
