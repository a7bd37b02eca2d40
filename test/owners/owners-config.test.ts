import { describe, expect, it } from 'vitest';
import { formatConfigError, parseConfig } from '../../src/platform/config/load-config.ts';

function config(owners: string): string {
  return `leads: [alice]
channels:
  announcements: { name: wg-k8s-infra }
  alerts: { name: k8s-infra-alerts }
people:
  - id: alice
    name: Alice
    slack: U0ALICE01
    github: alice
    email: alice@example.org
    timezone: Europe/Berlin
    affiliation: Company A
subprojects:
  - id: dns
    name: DNS
    owners: [alice]
    channel: k8s-infra-alerts
slack: { teamId: T09NY5SBT }
owners:
${owners}`;
}

const parsed = (text: string) => parseConfig(text, 'infra.yaml');
const errorsOf = (text: string) => {
  const r = parsed(text);
  return r.ok ? [] : r.errors.map(formatConfigError);
};

describe('owners.subprojects: the files and groups an owner change edits', () => {
  it('accepts aliases, OWNERS lists and groups, with defaults', () => {
    const r = parsed(
      config(`  subprojects:
    dns:
      ownersAliases: [{ repo: kubernetes/k8s.io, alias: sig-k8s-infra-dns }]
      ownersFiles: [{ repo: kubernetes/k8s.io, path: dns/OWNERS, list: approvers }]
      groups: [k8s-infra-dns-admins@kubernetes.io]
`),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const owners = (r.config as unknown as { owners: { subprojects: Record<string, unknown> } }).owners;
    expect(owners.subprojects.dns).toEqual({
      ownersAliases: [{ repo: 'kubernetes/k8s.io', path: 'OWNERS_ALIASES', alias: 'sig-k8s-infra-dns', branch: 'main' }],
      ownersFiles: [{ repo: 'kubernetes/k8s.io', path: 'dns/OWNERS', list: 'approvers', branch: 'main' }],
      groups: ['k8s-infra-dns-admins@kubernetes.io'],
    });
  });

  it('reports a bad list, a bad e-mail and an unknown subproject with file:line', () => {
    expect(
      errorsOf(
        config(`  subprojects:
    dns:
      ownersFiles: [{ repo: kubernetes/k8s.io, path: dns/OWNERS, list: owners }]
      groups: [not-an-email]
    nope:
      groups: []
`),
      ).sort(),
    ).toEqual(
      [
        expect.stringMatching(/^infra\.yaml:22: owners\.subprojects\.dns\.ownersFiles\[0\]\.list: /),
        expect.stringMatching(/^infra\.yaml:23: owners\.subprojects\.dns\.groups\[0\]: /),
        'infra.yaml:25: owners.subprojects.nope: unknown subproject "nope"',
      ].sort(),
    );
  });
});
