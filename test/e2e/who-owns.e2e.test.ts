import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { eventually, k8sIoGroupsFiles } from '../access/helpers/k8s-io-files.ts';
import { HOSTILE, unescapedHostile } from '../helpers/hostile.ts';
import { startHarnessWith, type RotaHarness } from '../rota/helpers/rota-harness.ts';

// Tue 24 Nov 2026, 10:00 UTC: xmudrii holds the DNS rotation, the registry's EMEA layer is on.
const NOW = '2026-11-24T10:00:00Z';

describe('/k8s-infra who-owns through the Slack emulator', () => {
  let e2e: RotaHarness;
  let channelId: string;
  const ask = async (text: string, userId = 'U0AMEUKAM') => {
    const before = e2e.slack.ephemerals(userId).length;
    const r = await e2e.slack.sendSlashCommand({ userId, channelId, text: `who-owns ${text}`.trim() });
    expect(r.ok).toBe(true);
    expect(r.ackMs).toBeLessThan(3000);
    // Acked at once; the answer follows through response_url.
    await eventually(() => e2e.slack.ephemerals(userId).length > before, `an answer to who-owns ${text}`, 20_000);
    return e2e.slack.ephemerals(userId).at(-1)!;
  };

  beforeAll(async () => {
    const clock = new ManualClock(NOW);
    e2e = await startHarnessWith(['rota', 'access', 'ownership'], { clock, slackClock: clock, github: { repos: { 'kubernetes/k8s.io': k8sIoGroupsFiles() } } });
    channelId = e2e.slack.channelByName('wg-k8s-infra')!.id;
  });
  afterAll(async () => {
    await e2e.stop();
  });

  it('a DNS name: the DNS subproject, its channel and who is on call now', async () => {
    const shown = await ask('gcsweb.k8s.io');
    const body = JSON.stringify(shown.blocks);
    expect(body).toContain('DNS name `gcsweb.k8s.io`');
    expect(body).toContain('*Owner:* DNS (k8s.io, kubernetes.io, k8s.dev, x-k8s.io) (dns), SIG K8s Infra · #k8s-infra-alerts');
    expect(body).toMatch(/\*On call now:\* <@U0[A-Z0-9]+> \(primary\), <@U0[A-Z0-9]+> \(secondary\)/);
    expect(e2e.slack.messages('wg-k8s-infra')).toHaveLength(0);
  });

  it('an image: the SIG whose group pushes it, and the registry on-call with its user group', async () => {
    const body = JSON.stringify((await ask('registry.k8s.io/coredns/coredns:v1.8.6')).blocks);
    expect(body).toContain('*Owner:* SIG Network · #sig-network');
    expect(body).toContain('*Runs on:* Container registry (registry.k8s.io, k8s.gcr.io) (registry), SIG K8s Infra · #k8s-infra-alerts');
    expect(body).toContain('@k8s-infra-oncall-registry');
    expect(body).toContain('groups/sig-network/groups.yaml');
  });

  it('a Google group from groups/**, read by the access capability from GitHub', async () => {
    const body = JSON.stringify((await ask('release-managers@kubernetes.io')).blocks);
    expect(body).toContain('*Owner:* SIG Release · #sig-release');
    expect(body).toContain('defined in groups/sig-release/groups.yaml');
  });

  it('prow.k8s.io keeps routing to SIG Testing and its own on-call', async () => {
    const body = JSON.stringify((await ask('prow.k8s.io')).blocks);
    expect(body).toContain('*Owner:* SIG Testing · #sig-testing');
    expect(body).toContain('*On call now:* @test-infra-oncall');
  });

  it('a subproject without a rotation names its owners', async () => {
    const body = JSON.stringify((await ask('kubernetes-public')).blocks);
    expect(body).toContain('GCP project `kubernetes-public`');
    expect(body).toContain('No rotation: ask an owner, <@U0SPIFFXP>');
  });

  it('a typo gets the closest names; hostile input is echoed escaped; no argument gets the usage', async () => {
    expect(JSON.stringify((await ask('gs://k8s-artifacts-prd')).blocks)).toContain('Did you mean `gs://k8s-artifacts-prod`');
    const hostile = await ask(HOSTILE.replace(/\s+/g, ''));
    expect(unescapedHostile(hostile)).toEqual([]);
    expect((await ask('')).text).toContain('Usage: `/k8s-infra who-owns <thing>`');
  });
});
