import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dnsIssue } from '../../../src/requests/domain/dns-issue.ts';
import { fillIssueTemplate, parseIssueTemplate } from '../../../src/requests/domain/issue-template.ts';

const TEMPLATE = readFileSync('test/fixtures/requests/dns-request.md', 'utf8');
const parsed = parseIssueTemplate(TEMPLATE);
if (!parsed.ok) throw new Error(parsed.reason);
const template = parsed.template;

describe('the kubernetes/k8s.io DNS issue template', () => {
  it('reads its title, labels and the five headings (a # comment inside the YAML block is no heading)', () => {
    expect(template.title).toBe('DNS REQUEST: <your-dns-record>');
    expect(template.labels).toEqual(['sig/k8s-infra', 'area/dns']);
    expect(template.sections.map((s) => s.heading)).toEqual(['### Type of DNS update:', '### Domain being modified:', '### Existing DNS Record:', '### New DNS Record:', '### Reason for update:']);
  });

  it('filled with its own hints gives back its body byte for byte', () => {
    const filled = fillIssueTemplate(template, new Map(template.sections.map((s) => [s.heading, s.hint])));
    expect(filled).toEqual({ ok: true, body: TEMPLATE.slice(TEMPLATE.indexOf('\n---\n', 4) + 5) });
  });

  it('needs every heading answered, and no other', () => {
    expect(fillIssueTemplate(template, new Map([['### Type of DNS update:', 'Create']]))).toEqual({ ok: false, reason: 'no answer for ### Domain being modified:' });
    expect(fillIssueTemplate(template, new Map([['### Nope:', 'x']]))).toEqual({ ok: false, reason: 'the template has no heading ### Nope:' });
  });

  it('a delete says the record goes, and shows the existing one', () => {
    const r = dnsIssue(template, { action: 'delete', zone: 'etcd.io', file: 'etcd.io._0_base.yaml', name: 'dash', type: 'A', values: [], reason: 'unused', ttl: undefined }, 'dash:\n  - type: A\n    value: 104.198.97.34', 'Requested in Slack by @x: link');
    if (!r.ok) throw new Error(r.reason);
    expect(r.issue.title).toBe('DNS REQUEST: dash.etcd.io');
    expect(r.issue.body).toContain('### Type of DNS update:\nDelete\n');
    expect(r.issue.body).toContain('### Existing DNS Record:\n\n```yaml\ndash:\n  - type: A\n    value: 104.198.97.34\n```\n');
    expect(r.issue.body).toContain('### New DNS Record:\n\nNone: the record is removed.\n');
  });

  it('a template with a heading the bot cannot answer is refused, not half filled', () => {
    const odd = parseIssueTemplate('---\ntitle: x\n---\n### Favourite colour:\nblue\n');
    if (!odd.ok) throw new Error(odd.reason);
    expect(dnsIssue(odd.template, { action: 'create', zone: 'k8s.io', file: 'k8s.io.yaml', name: 'a', type: 'A', values: ['1.2.3.4'], reason: 'r' }, undefined, 'by')).toEqual({ ok: false, reason: 'the DNS template has a heading the bot cannot answer: ### Favourite colour:' });
  });
});
