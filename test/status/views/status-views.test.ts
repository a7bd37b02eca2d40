import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { findStatusTarget } from '../../../src/status/domain/find-status-target.ts';
import { outOfScopeBlocks, serviceStatusBlocks, statusSummaryBlocks } from '../../../src/status/views/status-blocks.ts';
import { outOfScopeText, serviceStatusText, statusSummaryText, unknownServiceText } from '../../../src/status/domain/status-text.ts';
import { NOW, sampleStatuses } from '../helpers/sample-statuses.ts';

const prow = { id: 'prow', names: ['prow', 'prow.k8s.io'], sig: 'SIG Testing', channel: 'sig-testing', note: '' };
const textOf = (blocks: KnownBlock[]) => JSON.stringify(blocks);

describe('status text', () => {
  it('one line per service: emoji, state and for how long, detail, owning SIGs', () => {
    expect(statusSummaryText(sampleStatuses(), NOW)).toMatchInlineSnapshot(`
      "k8s-infra status (2026-03-01 12:00 UTC)
      :large_green_circle: registry.k8s.io: ok for 3 d 4 h · HTTP 200, certificate valid 61 more days · sig-k8s-infra, sig-release
      :large_yellow_circle: DNS (k8s.io): degraded for 12 min · gcsweb.k8s.io A is 203.0.113.7 (zone config: 35.190.8.208) · sig-k8s-infra
      :red_circle: prow-build cluster: down for 7 min (latest check: ok) · GKE prow-build (k8s-infra-prow-build, us-central1): ERROR: Cluster is being repaired · sig-k8s-infra, sig-testing
      :white_circle: Cloud Build &lt;staging&gt;: unknown (unconfirmed) · permission denied reading logs of k8s-staging-images (check the bot's IAM roles) · sig-release"
    `);
  });

  it('one service with every probe and its uptime', () => {
    expect(serviceStatusText(sampleStatuses()[2]!, NOW)).toMatchInlineSnapshot(`
      ":red_circle: prow-build cluster: down for 7 min (latest check: ok) · owned by sig-k8s-infra, sig-testing
      uptime 24 h 99.51%, 7 d 99.93%
      :red_circle: GKE prow-build (k8s-infra-prow-build, us-central1): ERROR: Cluster is being repaired, 2 node pools running (1 min ago)
      :large_green_circle: Cloud Build failures: 0 matching entries in the last 1 h (1 min ago)"
    `);
  });

  it('routes out-of-scope services to their SIG and channel', () => {
    expect(outOfScopeText(prow, 'prow.k8s.io')).toBe('prow.k8s.io is not run by k8s-infra: it belongs to SIG Testing. Ask in #sig-testing.');
  });
});

describe('findStatusTarget', () => {
  const services = [
    { id: 'registry', name: 'registry.k8s.io', aliases: ['gcr', 'k8s.gcr.io'] },
    { id: 'dns', name: 'DNS (k8s.io)' },
  ];
  it('finds services by id, name or alias, forgiving scheme, slash and case', () => {
    for (const q of ['registry', 'Registry.K8s.io', 'https://registry.k8s.io/', 'gcr']) {
      expect(findStatusTarget(q, services, [prow])).toEqual({ kind: 'service', service: services[0] });
    }
  });
  it('answers prow and prow.k8s.io with the owning SIG', () => {
    expect(findStatusTarget('prow', services, [prow])).toEqual({ kind: 'out-of-scope', entry: prow });
    expect(findStatusTarget('https://prow.k8s.io', services, [prow])).toEqual({ kind: 'out-of-scope', entry: prow });
  });
  it('suggests the closest name for a typo', () => {
    const t = findStatusTarget('regsitry', services, [prow]);
    expect(t).toEqual({ kind: 'unknown', query: 'regsitry', suggestion: 'registry' });
    if (t.kind === 'unknown') {
      expect(unknownServiceText(t, services)).toBe('No service called "regsitry". Did you mean `registry`? Known services: `registry`, `dns`.');
    }
  });
});

describe('status blocks', () => {
  it('summary: header, one section per service, footer', () => {
    const blocks = statusSummaryBlocks(sampleStatuses(), NOW, { statusPageUrl: 'https://k8s-infra-bot.k8s.io/status' });
    expect(blocks).toMatchSnapshot();
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'section', 'section', 'context']);
  });

  it('one service: state, owners, uptime, then every probe', () => {
    expect(serviceStatusBlocks(sampleStatuses()[1]!, NOW)).toMatchSnapshot();
  });

  it('out of scope', () => {
    expect(outOfScopeBlocks(prow, 'prow')).toMatchInlineSnapshot(`
      [
        {
          "text": {
            "text": ":information_source: prow is not run by k8s-infra: it belongs to SIG Testing. Ask in #sig-testing.",
            "type": "mrkdwn",
          },
          "type": "section",
        },
      ]
    `);
  });

  it('escapes Slack markup in names and details', () => {
    const s = sampleStatuses()[3]!;
    const blocks = serviceStatusBlocks({ ...s, detail: 'body <https://evil.example|click> & more' }, NOW);
    const json = textOf(blocks);
    // plain_text is never parsed as markup, so the header keeps the name as is.
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Cloud Build <staging>', emoji: true } });
    expect(textOf(statusSummaryBlocks([s], NOW))).toContain('*Cloud Build &lt;staging&gt;*');
    expect(json).toContain('body &lt;https://evil.example|click&gt; &amp; more');
    expect(json).not.toContain('<https://evil.example');
  });

  it('stays within Slack limits with many services and probes', () => {
    const base = sampleStatuses()[0]!;
    const many = Array.from({ length: 120 }, (_, i) => ({ ...base, id: `svc-${i}`, name: `service ${i}`, detail: 'x'.repeat(400) }));
    const summary = statusSummaryBlocks(many, NOW);
    expect(summary.length).toBeLessThanOrEqual(50);
    for (const b of summary) if (b.type === 'section') expect(b.text?.text.length).toBeLessThanOrEqual(3000);
    const shown = summary.map((b) => (b.type === 'section' ? (b.text?.text ?? '') : '')).join('\n');
    expect(shown).toContain('service 0*');
    expect(shown).toContain('service 119*');
    const oneWithMany = { ...base, probes: Array.from({ length: 80 }, (_, i) => ({ ...base.probes[0]!, probeId: `p${i}`, label: `probe ${i}` })) };
    const detail = serviceStatusBlocks(oneWithMany, NOW);
    expect(detail.length).toBeLessThanOrEqual(50);
    expect(textOf(detail)).toContain('probe 79');
  });

  it('says so when nothing is configured', () => {
    expect(textOf(statusSummaryBlocks([], NOW))).toContain('No services are configured');
    expect(statusSummaryText([], NOW)).toBe('No services are configured for status checks.');
  });
});
