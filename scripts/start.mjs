// `npm start`: runs the compiled bot with plain node, building first when dist/ is missing or older
// than src/ (so `npm install && npm start` works on a fresh clone). The bot runs in this process:
// signals reach it directly, with no wrapper to forward them.
import { pathToFileURL } from 'node:url';
import { build, distIsFresh, distMain } from './dist.mjs';

if (!distIsFresh()) {
  process.stderr.write('k8s-infra-bot: dist/ is missing or older than src/; building (npm run build)\n');
  const code = build();
  if (code !== 0) process.exit(code);
}
await import(pathToFileURL(distMain).href);
