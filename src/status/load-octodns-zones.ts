import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readOctodnsZone, type OctodnsRecord } from './domain/octodns-zone.ts';

/**
 * Reads every zone file in an octodns `zone-configs` directory. k8s.io splits a zone over
 * `<zone>._<n>_<part>.yaml` files that are merged before octodns runs; `<zone>.yaml` is the plain form.
 */
export function loadOctodnsZones(directory: string): Map<string, OctodnsRecord[]> {
  const zones = new Map<string, OctodnsRecord[]>();
  for (const file of readdirSync(directory).sort()) {
    const m = /^(.+?)(\._[^/]*)?\.ya?ml$/.exec(file);
    if (!m?.[1] || !m[1].includes('.')) continue;
    const zone = m[1].toLowerCase();
    const records = readOctodnsZone(readFileSync(join(directory, file), 'utf8'), zone);
    zones.set(zone, [...(zones.get(zone) ?? []), ...records]);
  }
  return zones;
}
