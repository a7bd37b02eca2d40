import { describe, expect, it } from 'vitest';
import { buildStatusPageModel, renderStatusPage, statusJson } from '../../../src/status/views/status-page.ts';
import { NOW, sampleStatuses } from '../helpers/sample-statuses.ts';

describe('status page', () => {
  const model = buildStatusPageModel(sampleStatuses(), NOW);

  it('renders every service with state, last check and uptime 24 h / 7 d', () => {
    const html = renderStatusPage(model);
    expect(html).toMatchSnapshot();
    for (const name of ['registry.k8s.io', 'DNS (k8s.io)', 'prow-build cluster']) expect(html).toContain(name);
    expect(html).toContain('<dt>Uptime 24 h</dt><dd>99.51%</dd><dt>Uptime 7 d</dt><dd>99.93%</dd>');
    expect(html).toContain('<time datetime="2026-03-01T11:59:00.000Z">2026-03-01 11:59 UTC</time>');
    expect(html).toContain('Some services are down');
  });

  it('is readable on a phone and needs no JavaScript', () => {
    const html = renderStatusPage(model);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).toContain("default-src 'none'");
  });

  it('escapes everything that comes from config or probes', () => {
    const statuses = sampleStatuses();
    statuses[0] = { ...statuses[0]!, id: 'x"y', name: '<script>alert(1)</script>', detail: `a & b "c" 'd'`, sigs: ['<b>sig</b>'] };
    const html = renderStatusPage(buildStatusPageModel(statuses, NOW, 'Status & <things>'));
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('a &amp; b &quot;c&quot; &#39;d&#39;');
    expect(html).toContain('<title>Status &amp; &lt;things&gt;</title>');
    expect(html).toContain('id="x&quot;y"');
    expect(html).toContain('&lt;b&gt;sig&lt;/b&gt;');
  });

  it('carries no contact data: the model only has service fields', () => {
    const json = JSON.stringify(statusJson(model));
    expect(json).not.toMatch(/@|\+\d{7,}|phone|email/i);
    expect(Object.keys(model.services[0]!).sort()).toEqual(['confirmed', 'detail', 'id', 'lastCheckedAt', 'name', 'sigs', 'since', 'state', 'uptime24h', 'uptime7d']);
  });

  it('says all is well when it is, and handles no services', () => {
    const okOnly = buildStatusPageModel([sampleStatuses()[0]!], NOW);
    expect(okOnly.overall).toBe('ok');
    expect(renderStatusPage(okOnly)).toContain('All services operational');
    const none = buildStatusPageModel([], NOW);
    expect(none.overall).toBe('unknown');
    expect(renderStatusPage(none)).toContain('No services are configured');
  });

  it('status.json: ISO dates and uptime ratios', () => {
    const json = statusJson(model);
    expect(json.generatedAt).toBe('2026-03-01T12:00:00.000Z');
    expect(json.overall).toBe('down');
    expect(json.services[0]).toEqual({
      id: 'registry',
      name: 'registry.k8s.io',
      sigs: ['sig-k8s-infra', 'sig-release'],
      state: 'ok',
      confirmed: true,
      since: '2026-02-26T08:00:00.000Z',
      lastCheckedAt: '2026-03-01T11:59:00.000Z',
      detail: 'HTTP 200, certificate valid 61 more days',
      uptime: { '24h': 1, '7d': 0.99871 },
    });
    expect(json.services[3]).toMatchObject({ state: 'unknown', confirmed: false, since: null, uptime: { '24h': null, '7d': null } });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
