import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from '../helpers/start-e2e.ts';

describe('/k8s-infra through the Slack emulator', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e.stop();
  });

  it('answers help ephemerally, acked well inside 3 s', async () => {
    const channel = e2e.slack.channelByName('wg-k8s-infra')!;
    const r = await e2e.slack.sendSlashCommand({ userId: 'U0AMEUKAM', channelId: channel.id, text: 'help' });
    expect(r.ok).toBe(true);
    expect(r.ackMs).toBeLessThan(3000);
    const shown = e2e.slack.ephemerals('U0AMEUKAM').at(-1)!;
    expect(JSON.stringify(shown.blocks)).toContain('/k8s-infra page registry');
    expect(e2e.slack.messages('wg-k8s-infra')).toHaveLength(0);
  });

  it('answers an unknown subcommand with the closest match, only to the person who typed it', async () => {
    const channel = e2e.slack.channelByName('wg-k8s-infra')!;
    await e2e.slack.sendSlashCommand({ userId: 'U0DIMS001', channelId: channel.id, text: 'oncal dns' });
    expect(e2e.slack.ephemerals('U0DIMS001').at(-1)!.text).toContain('Did you mean `/k8s-infra oncall`?');
    expect(e2e.slack.ephemerals('U0AMEUKAM').some((m) => m.text?.includes("don't know `oncal`"))).toBe(false);
  });
});
