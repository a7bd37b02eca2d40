import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { startHarnessWith, type RotaHarness } from '../rota/helpers/rota-harness.ts';

const U = { ameukam: 'U0AMEUKAM' };

function allText(m: { text?: string; blocks?: unknown[] } | undefined): string {
  return `${m?.text ?? ''}\n${JSON.stringify(m?.blocks ?? [])}`;
}

describe('owners staffing report end to end', () => {
  let e2e: RotaHarness;
  let channel: string;
  beforeEach(async () => {
    const clock = new ManualClock('2026-11-24T03:12:00Z');
    e2e = await startHarnessWith(['owners'], { clock, slackClock: clock });
    channel = e2e.slack.channelByName('wg-k8s-infra')!.id;
  });
  afterEach(async () => e2e.stop());

  const command = async (userId: string, text: string) => {
    const before = e2e.slack.ephemerals(userId).length;
    const r = await e2e.slack.sendSlashCommand({ userId, channelId: channel, text });
    expect(r.status).toBe(200);
    return e2e.slack.waitFor(() => e2e.slack.ephemerals(userId).length > before && e2e.slack.ephemerals(userId).at(-1));
  };

  it('owners: the staffing report marks violations, bootstrapping warnings and coverage gaps', async () => {
    const reply = allText(await command(U.ameukam, 'owners'));
    expect(reply).toContain('*GCS buckets and artifacts* (`storage`)');
    expect(reply).toContain(':clock3: *Coverage gap*');
    const one = allText(await command(U.ameukam, 'owners test-compute'));
    expect(one).toContain('Company C holds 2 of 3 owners');
    expect(one).toContain(':red_circle: *Violation*');
    expect(allText(await command(U.ameukam, 'owners apps'))).toContain('tolerated while the subproject is bootstrapping');
    expect(allText(await command(U.ameukam, 'owners regsitry'))).toContain('Did you mean `registry`?');
  });
});
