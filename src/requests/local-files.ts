import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ZoneSource } from './domain/dns-request.ts';
import { zoneOfFile } from './domain/dns-request.ts';

/** The zone-config files of a local copy of dns/zone-configs (re-read each time: a pull updates them). */
export function readLocalZones(dir: string): ZoneSource[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => zoneOfFile(f) !== undefined)
    .sort()
    .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));
}

/** groups/<folder>/groups.yaml of a local copy of groups/, by folder. */
export function readLocalGroups(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  if (!existsSync(dir)) return files;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name, 'groups.yaml');
    if (entry.isDirectory() && existsSync(path)) files.set(entry.name, readFileSync(path, 'utf8'));
  }
  return files;
}
