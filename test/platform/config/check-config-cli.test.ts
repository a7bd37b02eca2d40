import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = 'bin/k8s-infra-bot.mjs';

describe('k8s-infra-bot check-config (the bin)', () => {
  it('exits 0 on the example config', () => {
    const out = execFileSync('node', [bin, 'check-config', 'config/infra.yaml'], { encoding: 'utf8' });
    expect(out).toMatch(/config\/infra\.yaml: ok \(10 people/);
  });

  it('exits non-zero and lists every error as file:line: path: message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, readFileSync('config/infra.yaml', 'utf8').replace('timezone: Europe/Paris', 'timezone: Mars/Olympus').replace('leads: [ameukam,', 'leads: [ghost,'));
    const r = spawnSync('node', [bin, 'check-config', file], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${file}:13: leads[0]: unknown person "ghost"`);
    expect(r.stderr).toMatch(new RegExp(`${file}:\\d+: people\\[0\\]\\.timezone: not a valid IANA timezone`));
  });
});
