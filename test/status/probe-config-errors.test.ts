import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatConfigError, parseConfig } from '../../src/platform/config/load-config.ts';

const FILE = 'config/infra.yaml';
const real = readFileSync(FILE, 'utf8');

/** The real config with one probe line replaced, and the 1-based line it landed on. */
function withProbeLine(search: string, replacement: string): { text: string; line: number } {
  const lines = real.split('\n');
  const index = lines.findIndex((l) => l.includes(search));
  expect(index, `config/infra.yaml has a line with ${search}`).toBeGreaterThan(0);
  lines[index] = lines[index]!.replace(search, replacement);
  return { text: lines.join('\n'), line: index + 1 };
}

describe('bad probe config through the real loader (file:line)', () => {
  it('names the line and the known types for an unknown probe type', () => {
    const { text, line } = withProbeLine('- { type: gke, name: aaa', '- { type: kubernetes, name: aaa');
    const result = parseConfig(text, FILE);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const shown = result.errors.map(formatConfigError);
    expect(shown).toContainEqual(expect.stringMatching(new RegExp(`^config/infra\\.yaml:${line}: services\\[3\\]\\.probes\\[0\\](\\.type)?: unknown probe type "kubernetes"; expected one of http, dns, gke, logging, logging-freshness`)));
  });

  it('names the line of a malformed URL', () => {
    const { text, line } = withProbeLine('url: https://registry.k8s.io/v2/', 'url: "https//registry.k8s.io v2"');
    const result = parseConfig(text, FILE);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map(formatConfigError)).toContainEqual(`config/infra.yaml:${line}: services[1].probes[0].url: expected an absolute http:// or https:// URL`);
  });

  it('refuses a non-http scheme and a wrong GKE location, each on its own line, all at once', () => {
    const a = withProbeLine('url: https://registry.k8s.io/v2/', 'url: ftp://registry.k8s.io/v2/');
    const lines = a.text.split('\n');
    const i = lines.findIndex((l) => l.includes('cluster: prow-build-trusted'));
    lines[i] = lines[i]!.replace('location: us-central1', 'location: Iowa');
    const result = parseConfig(lines.join('\n'), FILE);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const shown = result.errors.map(formatConfigError);
    expect(shown).toContainEqual(`config/infra.yaml:${a.line}: services[1].probes[0].url: expected an absolute http:// or https:// URL`);
    expect(shown.some((s) => s.startsWith(`config/infra.yaml:${i + 1}: services[3].probes[2].location: expected a GCP region or zone`))).toBe(true);
  });

  it('accepts the real config', () => {
    expect(parseConfig(real, FILE).ok).toBe(true);
  });
});
