import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatConfigError, loadConfigFile, parseConfig } from '../../src/platform/config/load-config.ts';

const example = readFileSync('config/infra.yaml', 'utf8');
const lineOf = (needle: string) => example.slice(0, example.indexOf(needle)).split('\n').length;

function errorsOf(text: string): string[] {
  const r = parseConfig(text, 'infra.yaml');
  if (r.ok) throw new Error('expected errors');
  return r.errors.map(formatConfigError);
}

describe('the changes: section of infra.yaml', () => {
  it('reads the example with the charter’s defaults', () => {
    const r = loadConfigFile('config/infra.yaml');
    if (!r.ok) throw new Error(r.errors.map(formatConfigError).join('\n'));
    expect(r.config.changes).toMatchObject({ repo: 'kubernetes/k8s.io', labels: ['sig/k8s-infra', 'lazy-consensus'], deadlineWorkingDays: { medium: 3, high: 5 }, reminderHoursBefore: 24, consultation: ['sig-contributor-experience'], notice: { to: 'dev@kubernetes.io' } });
    expect(r.config.changes.pathRules.map((p) => p.tier)).toEqual(['high', 'high', 'high', 'medium', 'low']);
    // Without the section: the charter's defaults (no SIGs; the consulted SIG falls back to the leads).
    const bare = parseConfig(example.slice(0, example.indexOf('\n# Changes by the charter')), 'infra.yaml');
    if (!bare.ok) throw new Error(bare.errors.map(formatConfigError).join('\n'));
    expect(bare.config.changes.deadlineWorkingDays).toEqual({ medium: 3, high: 5 });
  });

  it('reports every mistake with its file and line', () => {
    const broken = example
      .replace('    - { name: Year-end holidays, from: "12-20", to: "01-03" }', '    - { name: Year-end holidays, from: "12-20", to: "2027-01-03" }\n    - { name: Backwards, from: "2026-05-02", to: "2026-05-01" }\n    - { name: No such day, from: "02-30", to: "03-01" }')
      .replace('reviewers: [bentheelder, spiffxp]', 'reviewers: [bentheelder, nobody-here]')
      .replace('consultation: [sig-contributor-experience]', 'consultation: [sig-contributor-experiense]')
      .replace('deadlineWorkingDays: { medium: 3, high: 5 }', 'deadlineWorkingDays: { medium: 0, high: 5 }')
      .replace('recordTypes: [NS], tier: high', 'recordTypes: [NS], groupMembership: "^x@", tier: high')
      .replace('pullRequestRepos: [kubernetes/k8s.io]', 'pullRequestRepos: [k8s.io]');
    const errors = errorsOf(broken);
    const at = (needle: string) => `infra.yaml:${broken.slice(0, broken.indexOf(needle)).split('\n').length}:`;
    expect(errors).toEqual([
      `${at('pullRequestRepos: [k8s.io]')} changes.pullRequestRepos[0]: expected owner/name`,
      `${at('deadlineWorkingDays: { medium: 0')} changes.deadlineWorkingDays.medium: Too small: expected number to be >=1`,
      `${at('consultation: [sig-contributor-experiense]')} changes.consultation[0]: unknown SIG "sig-contributor-experiense" (declare it under changes.sigs)`,
      `${at('reviewers: [bentheelder, nobody-here]')} changes.sigs[3].reviewers[1]: unknown person "nobody-here"`,
      `${at('to: "2027-01-03"')} changes.quietPeriods[0].to: from and to must both be MM-DD (every year) or both YYYY-MM-DD (once)`,
      `${at('name: Backwards')} changes.quietPeriods[1].to: ends (2026-05-01) before it starts (2026-05-02)`,
      `${at('name: No such day')} changes.quietPeriods[2].from: expected MM-DD (every year) or YYYY-MM-DD (once)`,
      `${at('groupMembership: "^x@"')} changes.pathRules[1]: a rule has at most one of recordTypes, groupMembership, newGroup`,
    ]);
    for (const e of errors) expect(e).toMatch(/^infra\.yaml:\d+: /);
  });

  it('asks for every SIG a service names', () => {
    const errors = errorsOf(example.replace('sigs: [sig-docs, sig-k8s-infra]', 'sigs: [sig-dox, sig-k8s-infra]'));
    expect(errors).toEqual([`infra.yaml:${lineOf('sigs: [sig-docs, sig-k8s-infra]')}: services[7].sigs[0]: SIG "sig-dox" is not declared under changes.sigs (its channel and reviewers)`]);
  });
});
