import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** test/fixtures/k8s.io: a partial checkout of kubernetes/k8s.io (groups/, OWNERS_ALIASES, sample PRs). */
export const K8S_IO_CHECKOUT = fileURLToPath(new URL('../../fixtures/k8s.io/', import.meta.url));

export function readK8sIo(path: string): string {
  return readFileSync(join(K8S_IO_CHECKOUT, path), 'utf8');
}
