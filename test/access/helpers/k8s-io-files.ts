import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { K8S_IO_CHECKOUT } from './fixtures.ts';

/** Every file of the test checkout of kubernetes/k8s.io under groups/, plus OWNERS_ALIASES, by repository path. */
export function k8sIoGroupsFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const e of readdirSync(join(K8S_IO_CHECKOUT, 'groups'), { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const full = join(e.parentPath, e.name);
    files[relative(K8S_IO_CHECKOUT, full).split(sep).join('/')] = readFileSync(full, 'utf8');
  }
  files.OWNERS_ALIASES = readFileSync(join(K8S_IO_CHECKOUT, 'OWNERS_ALIASES'), 'utf8');
  return files;
}

/** Polls until `check` returns something truthy (jobs run on the runner's 20 ms poll). */
export async function eventually<T>(check: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 5000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
