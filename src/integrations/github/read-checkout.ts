import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { trimSlashes } from '../../access/domain/group-catalog.ts';

/**
 * The files of a kubernetes/k8s.io checkout the groups need (everything under `groupsPath`,
 * and `OWNERS_ALIASES`), by repository path, read once.
 */
export function readCheckout(root: string, groupsPath: string): Map<string, string> {
  const files = new Map<string, string>();
  const base = join(root, trimSlashes(groupsPath));
  for (const e of readdirSync(base, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const full = join(e.parentPath, e.name);
    files.set(relative(root, full).split(sep).join('/'), readFileSync(full, 'utf8'));
  }
  try {
    files.set('OWNERS_ALIASES', readFileSync(join(root, 'OWNERS_ALIASES'), 'utf8'));
  } catch {
    // A checkout without aliases: approvers are the handles listed in OWNERS.
  }
  return files;
}
