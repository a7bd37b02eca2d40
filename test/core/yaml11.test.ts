import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseYaml11, parseYaml11Document, readYaml11, resolvePlainScalar } from '../../src/core/yaml11.ts';
import { readOctodnsZone } from '../../src/status/domain/octodns-zone.ts';

const fixture = (path: string) => readFileSync(new URL(`../fixtures/k8s.io/${path}`, import.meta.url), 'utf8');

// What PyYAML 6.0.3 `yaml.safe_load('k: <text>')` gives for each plain scalar (recorded by
// running it; dates are kept as their text here on purpose).
const PYYAML: [string, unknown][] = [
  ['606e970852', '606e970852'],
  ['3e7f816ba3', '3e7f816ba3'],
  ['yes', true],
  ['no', false],
  ['on', true],
  ['off', false],
  ['True', true],
  ['NO', false],
  ['y', 'y'],
  ['n', 'n'],
  ['0755', 493],
  ['09', '09'],
  ['0o17', '0o17'],
  ['1e3', '1e3'],
  ['1.0e3', '1.0e3'],
  ['1.5e+3', 1500],
  ['.5', 0.5],
  ['12:30', 750],
  ['1:20:30', 4830],
  ['190:20:30.15', 685230.15],
  ['~', null],
  ['null', null],
  ['', null],
  ['.inf', Infinity],
  ['-.inf', -Infinity],
  ['0x1F', 31],
  ['0b101', 5],
  ['1_000', 1000],
  ['+12', 12],
  ['2001-12-14', '2001-12-14'],
  ['104.198.14.52', '104.198.14.52'],
  ['2001:4860:4802:32::15', '2001:4860:4802:32::15'],
];

// What gopkg.in/yaml.v2 (resolve.go: the resolve table, strconv.ParseInt base 0, yamlStyleFloat
// then strconv.ParseFloat, which fails on overflow) gives when decoding into interface{}.
const GO_YAML_V2: [string, unknown][] = [
  ['606e970852', '606e970852'],
  ['3e7f816ba3', '3e7f816ba3'],
  ['yes', true],
  ['no', false],
  ['on', true],
  ['off', false],
  ['y', true],
  ['n', false],
  ['0755', 493],
  ['09', 9],
  ['0o17', 15],
  ['1e3', 1000],
  ['12:30', '12:30'],
  ['~', null],
  ['', null],
  ['.inf', Infinity],
  ['-.inf', -Infinity],
  ['0x1F', 31],
  ['1_000', 1000],
  ['+12', 12],
  ['2001-12-14', '2001-12-14'],
  ['ALL_MEMBERS_CAN_VIEW', 'ALL_MEMBERS_CAN_VIEW'],
];

describe('YAML 1.1 scalars as PyYAML and Go yaml.v2 resolve them', () => {
  it.each(PYYAML)('pyyaml: %s', (text, expected) => {
    expect(resolvePlainScalar(text, 'pyyaml')).toEqual(expected);
  });
  it.each(GO_YAML_V2)('go-yaml-v2: %s', (text, expected) => {
    expect(resolvePlainScalar(text, 'go-yaml-v2')).toEqual(expected);
  });

  it('the yaml package on its own reads 606e970852 as Infinity (1.2, and its 1.1 schema too): the reason this reader exists', () => {
    expect(parse('v: 606e970852').v).toBe(Infinity);
    expect(parse('v: 606e970852', { version: '1.1' }).v).toBe(Infinity);
    expect(parseYaml11('v: 606e970852', 'pyyaml')).toEqual({ v: '606e970852' });
  });

  it('quoted scalars and !!str stay strings; keys keep their text', () => {
    expect(parseYaml11('a: "yes"\nb: !!str 0755\nc: \'1e3\'\non: 1\n', 'go-yaml-v2')).toEqual({ a: 'yes', b: '0755', c: '1e3', on: 1 });
  });

  it('syntax errors come back with their line, never thrown by readYaml11', () => {
    const r = readYaml11('groups:\n  - email-id: [unclosed\n', 'go-yaml-v2');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.line).toBeGreaterThanOrEqual(2);
    expect(() => parseYaml11('a: [\n', 'pyyaml', 'x.yaml')).toThrow(/^x\.yaml:\d+: /);
  });

  it('the document keeps node ranges (format-preserving edits locate their lines)', () => {
    const text = 'members:\n  - a@example.com\n  - 0755\n';
    const doc = parseYaml11Document(text, { dialect: 'go-yaml-v2' });
    expect(doc.toJS()).toEqual({ members: ['a@example.com', 493] });
  });
});

describe('the real DNS zones through the status reader (octodns = PyYAML)', () => {
  it('a GitHub org verification TXT value made of digits and an e stays the text octodns publishes', () => {
    // The record the issue quotes (`606e970852`, a `_github-challenge-*` TXT value), written as
    // the real zone files write these records.
    const records = readOctodnsZone("_github-challenge-kubernetes-e:\n  type: TXT\n  value: 606e970852\n", 'k8s.dev');
    expect(records).toEqual([{ name: '_github-challenge-kubernetes-e', fqdn: '_github-challenge-kubernetes-e.k8s.dev', type: 'TXT', ttl: undefined, values: ['606e970852'] }]);
  });

  it('the current k8s.dev zone reads as octodns reads it', () => {
    const records = readOctodnsZone(fixture('dns/zone-configs-current/k8s.dev._0_base.yaml'), 'k8s.dev');
    expect(records.find((r) => r.name === '_gh-kubernetes-e')?.values).toEqual(['3e7f816ba3']);
    expect(records.find((r) => r.name === '')?.values).toEqual(['104.198.14.52']);
    expect(records.find((r) => r.name === 'cdn.dl-sandbox')?.values).toEqual(['fastly-domain-delegation-fddelt714381-11-15-23']);
  });

  it('every TXT value in the real zone files is read as the text written (no number, no Infinity)', () => {
    for (const zone of ['k8s.io', 'kubernetes.io', 'k8s.dev', 'x-k8s.io']) {
      const text = fixture(`dns/zone-configs/${zone}._0_base.yaml`);
      for (const r of readOctodnsZone(text, zone).filter((x) => x.type === 'TXT')) {
        for (const v of r.values) expect(text).toContain(v);
      }
    }
  });
});
