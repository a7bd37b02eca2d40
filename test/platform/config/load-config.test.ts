import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatConfigError, loadConfigFile, parseConfig } from '../../../src/platform/config/load-config.ts';

const example = readFileSync('config/infra.yaml', 'utf8');

function errorsOf(text: string): string[] {
  const r = parseConfig(text, 'infra.yaml');
  if (r.ok) throw new Error('expected errors');
  return r.errors.map(formatConfigError);
}

describe('config loader', () => {
  it('accepts the example config with the real services, clusters and channels', () => {
    const r = loadConfigFile('config/infra.yaml');
    if (!r.ok) throw new Error(r.errors.map(formatConfigError).join('\n'));
    const c = r.config;
    expect(c.channels.announcements.name).toBe('wg-k8s-infra');
    expect(c.channels.alerts.name).toBe('k8s-infra-alerts');
    expect(c.services.map((s) => s.id)).toEqual(expect.arrayContaining(['dns', 'gae', 'gcb', 'registry', 'gcs', 'gke', 'bigquery', 'website', 'test-compute']));
    expect(c.services.find((s) => s.id === 'gke')?.description).toMatch(/aaa.*prow-build.*prow-build-trusted/);
    expect(c.outOfScope[0]).toMatchObject({ names: expect.arrayContaining(['prow.k8s.io']), sig: 'SIG Testing', channel: 'sig-testing' });
    expect(c.leads).toEqual(['ameukam', 'dims', 'spiffxp', 'thockin']);
  });

  it('reports a YAML syntax error with its line', () => {
    const errors = errorsOf('leads: [a\npeople:\n  - id: x\n');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatch(/^infra\.yaml:\d+: \(root\): YAML syntax: /);
  });

  it('reports every schema error at once, each with file, line and path', () => {
    const broken = example
      .replace('timezone: Europe/Paris', 'timezone: Europe/Pariss')
      .replace('email: dims@example.org', 'email: not-an-email')
      .replace('start: "10:00", end: "18:00" }\n    affiliation: Company C', 'start: "25:00", end: "18:00" }\n    affiliation: Company C');
    const errors = errorsOf(broken);
    const lineOf = (needle: string) => example.slice(0, example.indexOf(needle)).split('\n').length;
    expect(errors).toEqual(
      expect.arrayContaining([
        `infra.yaml:${lineOf('timezone: Europe/Paris')}: people[0].timezone: not a valid IANA timezone (e.g. Europe/Berlin)`,
        expect.stringMatching(new RegExp(`^infra\\.yaml:${lineOf('email: dims@example.org')}: people\\[1\\]\\.email: `)),
        expect.stringMatching(/^infra\.yaml:\d+: people\[4\]\.workingHours\.start: expected a time as HH:mm/),
      ]),
    );
    expect(errors).toHaveLength(3);
  });

  it('reports unknown keys and missing required fields at the enclosing line', () => {
    const errors = errorsOf(example.replace('  - id: jimangel\n    name: Jim Angel\n', '  - id: jimangel\n    nmae: Jim Angel\n'));
    const line = example.slice(0, example.indexOf('  - id: jimangel')).split('\n').length;
    expect(errors.some((e) => e.startsWith(`infra.yaml:${line}: people[9].name: `) || e.startsWith(`infra.yaml:${line + 1}: people[9]`))).toBe(true);
    expect(errors.some((e) => /people\[9\]: .*nmae/.test(e))).toBe(true);
  });

  it('reports dangling references: unknown people, rotations and policies', () => {
    const errors = errorsOf(
      example
        .replace('participants: [ameukam, upodroid, xmudrii, dims]', 'participants: [ameukam, nobody]')
        .replace('escalationPolicy: critical-service', 'escalationPolicy: no-such-policy')
        .replace('rotations: [dns-primary]', 'rotations: [dns-primry]'),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^infra\.yaml:\d+: rotations\[0\]\.participants\[1\]: unknown person "nobody"$/),
        expect.stringMatching(/^infra\.yaml:\d+: subprojects\[1\]\.escalationPolicy: unknown escalation policy "no-such-policy"$/),
        expect.stringMatching(/^infra\.yaml:\d+: subprojects\[0\]\.rotations\[0\]: unknown rotation "dns-primry"$/),
      ]),
    );
  });

  it('reports a file that cannot be read', () => {
    const r = loadConfigFile('config/does-not-exist.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatConfigError(r.errors[0]!)).toMatch(/^config\/does-not-exist\.yaml:0: \(root\): cannot read file/);
  });
});
