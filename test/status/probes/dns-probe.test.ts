import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.ts';
import { probeSchema } from '../../../src/platform/config/sections/probes.ts';
import { buildProbe, ProbeBuildError, type ProbeDeps } from '../../../src/status/build-probe.ts';
import { createNodeDnsClient } from '../../../src/integrations/dns/dns-client.ts';
import { loadOctodnsZones } from '../../../src/status/load-octodns-zones.ts';
import { runProbes } from '../../../src/status/domain/run-probes.ts';
import { startFakeDnsServer, type FakeDnsRecords, type FakeDnsServer } from '../helpers/fake-dns-server.ts';

const zones = loadOctodnsZones(new URL('../../fixtures/k8s.io/dns/zone-configs/', import.meta.url).pathname);
const clock = new ManualClock('2026-03-01T12:00:00Z');
const signal = () => new AbortController().signal;

/** What the real k8s.io nameservers answer, per the zone config. */
const liveK8sIo = (): FakeDnsRecords => ({
  'k8s.io': {
    A: ['34.107.204.206'],
    AAAA: ['2600:1901:0:26f3::'],
    MX: [
      [1, 'aspmx.l.google.com'],
      [5, 'alt1.aspmx.l.google.com'],
      [5, 'alt2.aspmx.l.google.com'],
      [10, 'alt3.aspmx.l.google.com'],
      [10, 'alt4.aspmx.l.google.com'],
    ],
    TXT: [
      'v=spf1 include:_spf.google.com ~all',
      'google-site-verification=dgC0yQp0oE3cj8yqkbQTfPmStJmi1Qaha_MHwM4Sa10',
      'google-site-verification=RJbZ_ganmSWvslSKOBG-QHv62XTjJZcigpWIFttStFs',
    ],
  },
  'www.k8s.io': { CNAME: 'k8s.io' },
  'gcsweb.k8s.io': { A: ['35.190.8.208'] },
  'gubernator.k8s.io': {
    A: ['216.239.38.21', '216.239.36.21', '216.239.34.21', '216.239.32.21'],
    AAAA: ['2001:4860:4802:32:0:0:0:15', '2001:4860:4802:34::15', '2001:4860:4802:36::15', '2001:4860:4802:38::15'],
  },
  'kubernetes.io': { CAA: [[0, 'issue', 'pki.goog'], [0, 'issue', 'letsencrypt.org']] },
});

describe('dns probe against a local DNS server', () => {
  let server: FakeDnsServer;
  let silent: FakeDnsServer;
  let servfail: FakeDnsServer;
  beforeAll(async () => {
    server = await startFakeDnsServer(liveK8sIo());
    silent = await startFakeDnsServer({}, { silent: true });
    servfail = await startFakeDnsServer(liveK8sIo(), { servfail: true });
  });
  afterAll(async () => {
    await Promise.all([server.close(), silent.close(), servfail.close()]);
  });
  const deps: ProbeDeps = { clock, zones };
  const dnsProbe = (input: Record<string, unknown>, servers: string[]) =>
    buildProbe(probeSchema.parse({ type: 'dns', zone: 'k8s.io', ...input, servers }), deps);

  it('is ok when every record set matches the zone config (A, AAAA, CNAME, MX, TXT)', async () => {
    server.records = liveK8sIo();
    const probe = dnsProbe({ records: ['', 'www', 'gcsweb', 'gubernator'] }, [server.address]);
    expect(probe.id).toBe('dns:k8s.io:@,www,gcsweb,gubernator');
    expect(probe.label).toBe('DNS k8s.io, www.k8s.io, gcsweb.k8s.io, gubernator.k8s.io');
    expect(await probe.run(signal())).toEqual({ state: 'ok', detail: '8 record sets match the zone config' });
    expect(server.queries).toEqual(expect.arrayContaining([{ name: 'www.k8s.io', type: 'CNAME' }, { name: 'k8s.io', type: 'MX' }]));
  });

  it('checks CAA records', async () => {
    const probe = buildProbe(probeSchema.parse({ type: 'dns', zone: 'kubernetes.io', records: [''], types: ['CAA'], servers: [server.address] }), deps);
    expect(await probe.run(signal())).toEqual({ state: 'ok', detail: 'record set matches the zone config' });
  });

  it('is degraded when an answer drifted from the zone config', async () => {
    server.records = { ...liveK8sIo(), 'gcsweb.k8s.io': { A: ['203.0.113.7'] } };
    const v = await dnsProbe({ records: ['www', 'gcsweb'] }, [server.address]).run(signal());
    expect(v).toEqual({ state: 'degraded', detail: 'gcsweb.k8s.io A is 203.0.113.7 (zone config: 35.190.8.208)' });
  });

  it('is down when the name or the record is gone', async () => {
    const records = liveK8sIo();
    delete records['www.k8s.io'];
    records['gubernator.k8s.io'] = { A: records['gubernator.k8s.io']!.A! };
    server.records = records;
    const v = await dnsProbe({ records: ['www', 'gubernator', 'gcsweb'] }, [server.address]).run(signal());
    expect(v).toEqual({ state: 'down', detail: 'www.k8s.io CNAME: name does not exist; gubernator.k8s.io AAAA: no record' });
  });

  it('is unknown when the server never answers or fails (SERVFAIL), not down', async () => {
    const quiet = await dnsProbe({ records: ['gcsweb'], timeoutMs: 300 }, [silent.address]).run(signal());
    expect(quiet).toEqual({ state: 'unknown', detail: 'gcsweb.k8s.io A: timed out' });
    expect(silent.queries.length).toBeGreaterThan(0);
    const failing = await dnsProbe({ records: ['gcsweb'] }, [servfail.address]).run(signal());
    expect(failing).toEqual({ state: 'unknown', detail: 'gcsweb.k8s.io A: SERVFAIL' });
  });

  it('gives way to the runner timeout when the resolver is slower than it', async () => {
    const probe = dnsProbe({ records: ['www', 'gcsweb'], timeoutMs: 5000 }, [silent.address]);
    const [result] = await runProbes([probe], { clock, timeoutMs: 200 });
    expect(result).toMatchObject({ state: 'unknown', detail: 'no answer within 200 ms' });
  });

  it('lists at most two problems and counts the rest', async () => {
    server.records = {};
    const v = await dnsProbe({ records: ['', 'www'] }, [server.address]).run(signal());
    expect(v.state).toBe('down');
    expect(v.detail).toMatch(/^k8s\.io A: name does not exist; k8s\.io AAAA: name does not exist; \+3 more$/);
  });

  it('uses the resolver factory it is given', async () => {
    server.records = liveK8sIo();
    const asked: unknown[] = [];
    const probe = buildProbe(probeSchema.parse({ type: 'dns', zone: 'k8s.io', records: ['www'] }), {
      ...deps,
      dnsClientFactory: (options) => {
        asked.push(options);
        return createNodeDnsClient({ servers: [server.address], timeoutMs: options.timeoutMs });
      },
    });
    expect((await probe.run(signal())).state).toBe('ok');
    expect(asked).toEqual([{ timeoutMs: 2000 }]);
  });
});

describe('dns probe construction', () => {
  it('refuses names or zones the zone config does not have', () => {
    const build = (input: Record<string, unknown>) => () => buildProbe(probeSchema.parse({ type: 'dns', ...input }), { clock, zones });
    expect(build({ zone: 'k8s.io', records: ['nope'] })).toThrow(ProbeBuildError);
    expect(build({ zone: 'k8s.io', records: ['www'], types: ['A'] })).toThrow("zone k8s.io has no A record for 'www'");
    expect(build({ zone: 'example.org', records: ['www'] })).toThrow('no zone config loaded for example.org');
  });
});
