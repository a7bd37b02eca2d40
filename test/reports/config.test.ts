import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatConfigError, parseConfig } from '../../src/platform/config/load-config.ts';

const INFRA = readFileSync('config/infra.yaml', 'utf8');
const LINE = INFRA.split('\n').findIndex((l) => l.includes('name: weekly-oncall-digest')) + 1;

function errorsWith(replace: [string, string][]): string[] {
  let text = INFRA;
  for (const [from, to] of replace) {
    expect(text).toContain(from);
    text = text.replace(from, to);
  }
  const result = parseConfig(text, 'config/infra.yaml');
  return result.ok ? [] : result.errors.map(formatConfigError);
}

describe('schedules: in check-config', () => {
  it('the example file is valid and has the three reports', () => {
    const result = parseConfig(INFRA, 'config/infra.yaml');
    expect(result.ok && result.config.schedules.map((s) => s.report)).toEqual(['oncall-digest', 'staffing', 'open-summary']);
  });

  it.each([
    ['a bad hour', '"0 9 * * 1"', '"0 25 * * 1"', `config/infra.yaml:${LINE}: schedules[0].cron: bad cron expression: hour "25": 25 is a invalid expression for hour`],
    ['six fields (seconds)', '"0 9 * * 1"', '"0 0 9 * * 1"', `config/infra.yaml:${LINE}: schedules[0].cron: expected a cron expression of five fields (minute hour day month weekday), got 6`],
    ['not a cron expression', '"0 9 * * 1"', '"every monday"', `config/infra.yaml:${LINE}: schedules[0].cron: expected a cron expression of five fields (minute hour day month weekday), got 2`],
    ['an unknown timezone', 'timezone: Europe/Berlin, report: oncall-digest', 'timezone: Europe/Berlinn, report: oncall-digest', `config/infra.yaml:${LINE}: schedules[0].timezone: unknown timezone "Europe/Berlinn" (expected an IANA name such as Europe/Berlin)`],
    ['an unknown report', 'report: oncall-digest', 'report: oncall-digets', `config/infra.yaml:${LINE}: schedules[0].report: unknown report "oncall-digets" (known: oncall-digest, open-summary, staffing)`],
    ['a channel written with #', 'report: oncall-digest, channel: wg-k8s-infra', 'report: oncall-digest, channel: "#wg-k8s-infra"', `config/infra.yaml:${LINE}: schedules[0].channel: expected a Slack channel name without # or a channel id`],
  ])('%s is an error with file:line', (_, from, to, expected) => {
    expect(errorsWith([[from, to]])).toEqual([expected]);
  });

  it('a channel nothing else in the file names is an error; a channel id is taken as given', () => {
    expect(errorsWith([['report: oncall-digest, channel: wg-k8s-infra', 'report: oncall-digest, channel: sig-nowhere']])).toEqual([
      expect.stringMatching(new RegExp(`^config/infra.yaml:${LINE}: schedules\\[0\\].channel: unknown channel "sig-nowhere" \\(not in channels: nor any channel: of this file; known: k8s-infra-alerts, sig-contribex, sig-docs, sig-release, sig-testing, wg-k8s-infra\\)$`)),
    ]);
    expect(errorsWith([['report: oncall-digest, channel: wg-k8s-infra', 'report: oncall-digest, channel: C0123ABCD']])).toEqual([]);
  });

  it('two schedules with one name, and every error at once', () => {
    const errors = errorsWith([
      ['name: monthly-staffing', 'name: weekly-oncall-digest'],
      ['"0 15 1 * *", timezone: UTC', '"0 15 32 * *", timezone: Mars/Olympus'],
    ]);
    expect(errors).toEqual([
      `config/infra.yaml:${LINE + 1}: schedules[1].cron: bad cron expression: dayOfMonth "32": 32 is a invalid expression for day of month`,
      `config/infra.yaml:${LINE + 1}: schedules[1].timezone: unknown timezone "Mars/Olympus" (expected an IANA name such as Europe/Berlin)`,
      `config/infra.yaml:${LINE + 1}: schedules[1].name: duplicate schedule name "weekly-oncall-digest"`,
    ]);
  });
});
