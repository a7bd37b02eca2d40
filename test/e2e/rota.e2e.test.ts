import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { rotaModule } from '../../src/rota/capability.ts';
import { ROTA_IDS } from '../../src/rota/ids.ts';
import { OVERRIDE_BLOCKS } from '../../src/rota/views/rota-override-modal.ts';
import { rotaOnReady, startHarnessWith, type RotaHarness } from '../rota/helpers/rota-harness.ts';

// Tuesday 24 Nov 2026, 03:12 UTC. DNS (weekly, Mon 09:00 Berlin since 2026-01-05): shift 46 is xmudrii's, dims's from Mon 30 Nov 08:00Z.
const T0 = '2026-11-24T03:12:00Z';
const HOUR = 3_600_000;
const U = { ameukam: 'U0AMEUKAM', dims: 'U0DIMS001', thockin: 'U0THOCKIN', xmudrii: 'U0XMUDRII', jimangel: 'U0JIMANGE', hh: 'U0HHHHHHH', upodroid: 'U0UPODROI' };
const secs = (iso: string) => String(Date.parse(iso) / 1000);

function allText(m: { text?: string; blocks?: unknown[] } | undefined): string {
  return `${m?.text ?? ''}\n${JSON.stringify(m?.blocks ?? [])}`;
}

describe('rota end to end through the Slack emulator', () => {
  let e2e: RotaHarness;
  let clock: ManualClock;
  let channel: string;
  beforeEach(async () => {
    clock = new ManualClock(T0);
    e2e = await startHarnessWith(['rota'], { clock, slackClock: clock });
    channel = e2e.slack.channelByName('wg-k8s-infra')!.id;
  });
  afterEach(async () => e2e.stop());

  const command = async (userId: string, text: string) => {
    const r = await e2e.slack.sendSlashCommand({ userId, channelId: channel, text });
    expect(r.status).toBe(200);
    return e2e.slack.waitFor(() => e2e.slack.ephemerals(userId).at(-1));
  };

  it('oncall: now and next for one subproject, in the asker’s timezone, with the on-call’s local time and working hours', async () => {
    const reply = allText(await command(U.thockin, 'oncall dns'));
    expect(reply).toContain(`On call now: <@${U.xmudrii}> (their time 04:12 Europe/Belgrade, :crescent_moon: outside working hours)`);
    expect(reply).toContain(`Next: <@${U.dims}> from Mon 30 Nov 00:00 PST`);
    expect(reply).toContain('Secondary: <@U0DIMS001>');
    expect(reply).toContain('times in your timezone (America/Los_Angeles)');
  });

  it('oncall without a subproject lists every subproject; an unknown one gets the closest match', async () => {
    const reply = allText(await command(U.ameukam, 'oncall'));
    for (const s of e2e.config.subprojects) expect(reply).toContain(`(\`${s.id}\`)`);
    expect(reply).toContain('No rotation configured');
    expect(allText(await command(U.ameukam, 'oncall dsn'))).toContain('Did you mean `dns`?');
  });

  it('schedule: the coming shifts (default 4 weeks), capped, within Slack limits', async () => {
    const reply = await command(U.ameukam, 'schedule dns');
    expect(allText(reply)).toContain('the next 4 weeks');
    expect(allText(reply)).toContain(`<@${U.dims}>`);
    const capped = await command(U.ameukam, 'schedule registry 400');
    expect(allText(capped)).toContain('the next 12 weeks');
    expect((capped.blocks ?? []).length).toBeLessThanOrEqual(50);
    for (const b of capped.blocks ?? []) expect(JSON.stringify(b).length).toBeLessThan(3100);
    expect(allText(await command(U.ameukam, 'schedule dns many'))).toContain('is not a number of weeks');
    expect(allText(await command(U.ameukam, 'schedule regsitry'))).toContain('Did you mean `registry`?');
  });

  it('override: the modal defaults to me for the current shift; it is stored with an audit entry and changes who is on call', async () => {
    await e2e.slack.sendSlashCommand({ userId: U.ameukam, channelId: channel, text: 'override dns' });
    const view = await e2e.slack.waitFor(() => e2e.slack.topView(U.ameukam));
    const submitted = await e2e.slack.submitView({ userId: U.ameukam, viewId: view.id });
    expect(submitted.errors).toBeUndefined();
    await e2e.slack.waitFor(() => e2e.slack.dms(U.ameukam).find((m) => m.text?.includes('Override')));
    const audit = await e2e.audit.list({ action: 'override.created' });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.payload).toMatchObject({ person: 'ameukam', from: '2026-11-24T03:12:00.000Z', to: '2026-11-30T08:00:00.000Z' });
    expect(allText(await command(U.thockin, 'oncall dns'))).toContain(`On call now: <@${U.ameukam}>`);
    // The handoff row for the override's start is due now: the channel hears of it once.
    await e2e.bot.jobRunner.runDue();
    await e2e.slack.waitFor(() => e2e.slack.messages('k8s-infra-alerts').find((m) => m.text?.includes('On call for DNS')));
    expect(e2e.slack.messages('k8s-infra-alerts').filter((m) => m.text?.includes('On call for DNS'))).toHaveLength(1);
  });

  it('override: bad input is refused inline, and non-owners are refused', async () => {
    await e2e.slack.sendSlashCommand({ userId: U.ameukam, channelId: channel, text: 'override dns' });
    const view = await e2e.slack.waitFor(() => e2e.slack.topView(U.ameukam));
    const values = (from: string, to: string) => ({
      [OVERRIDE_BLOCKS.from]: { [ROTA_IDS.actions.overrideFrom]: secs(from) },
      [OVERRIDE_BLOCKS.to]: { [ROTA_IDS.actions.overrideTo]: secs(to) },
    });
    const before = await e2e.slack.submitView({ userId: U.ameukam, viewId: view.id, values: values('2026-11-25T10:00:00Z', '2026-11-25T09:00:00Z') });
    expect(before.errors?.[OVERRIDE_BLOCKS.to]).toBe('Must be after the start.');
    const past = await e2e.slack.submitView({ userId: U.ameukam, viewId: view.id, values: values('2026-11-20T10:00:00Z', '2026-11-25T09:00:00Z') });
    expect(past.errors?.[OVERRIDE_BLOCKS.from]).toContain('in the past');
    const long = await e2e.slack.submitView({ userId: U.ameukam, viewId: view.id, values: values('2026-11-25T10:00:00Z', '2026-12-25T09:00:00Z') });
    expect(long.errors?.[OVERRIDE_BLOCKS.to]).toContain('Longer than 14 days');
    expect(await e2e.audit.list({ action: 'override.created' })).toHaveLength(0);

    // jimangel owns storage, not dns: the command refuses, and so does the modal if dns is picked.
    expect(allText(await command(U.jimangel, 'override dns'))).toContain('Only owners of `dns`');
    await e2e.slack.sendSlashCommand({ userId: U.jimangel, channelId: channel, text: 'override' });
    const his = await e2e.slack.waitFor(() => e2e.slack.topView(U.jimangel));
    const r = await e2e.slack.submitView({
      userId: U.jimangel,
      viewId: his.id,
      values: { [OVERRIDE_BLOCKS.subproject]: { [ROTA_IDS.actions.overrideSubproject]: 'storage' } },
    });
    expect(r.errors).toBeUndefined();
    expect(await e2e.audit.list({ action: 'override.created' })).toHaveLength(1);
  });

  it('override: the longest override is a module option', async () => {
    const short = await startHarnessWith(['rota'], { clock, slackClock: clock, replacements: [rotaModule({ maxOverrideMs: 2 * HOUR })] });
    try {
      await short.slack.sendSlashCommand({ userId: U.ameukam, channelId: channel, text: 'override dns' });
      const view = await short.slack.waitFor(() => short.slack.topView(U.ameukam));
      expect(JSON.stringify(view.blocks)).toContain('At most 2 hours');
      const r = await short.slack.submitView({
        userId: U.ameukam,
        viewId: view.id,
        values: { [OVERRIDE_BLOCKS.from]: { [ROTA_IDS.actions.overrideFrom]: secs('2026-11-25T10:00:00Z') }, [OVERRIDE_BLOCKS.to]: { [ROTA_IDS.actions.overrideTo]: secs('2026-11-25T13:00:00Z') } },
      });
      expect(r.errors?.[OVERRIDE_BLOCKS.to]).toBe('Longer than 2 hours, the most one override may last.');
    } finally {
      await short.stop();
    }
  });

  it('handoff: one channel message and one DM per handoff, and the user group follows the primary', async () => {
    // What the bot does each time its database becomes ready (it ran at start; again is a no-op).
    await rotaOnReady(e2e.bot, clock.now());
    await e2e.bot.jobRunner.runDue();
    clock.set('2026-11-30T08:00:00Z');
    await e2e.bot.jobRunner.runDue();
    await e2e.bot.jobRunner.runDue();
    const dns = e2e.slack.messages('k8s-infra-alerts').filter((m) => m.text?.includes('On call for DNS'));
    expect(dns.map((m) => m.text)).toEqual([`:pager: On call for DNS (k8s.io, kubernetes.io, k8s.dev, x-k8s.io): <@${U.dims}>, until Mon 7 Dec 08:00 UTC, next <@${U.ameukam}>`]);
    expect(e2e.slack.dms(U.dims).filter((m) => m.text?.includes('You are now on call for DNS'))).toHaveLength(1);
    clock.advance(HOUR);
    await e2e.bot.jobRunner.runDue();
    const group = e2e.slack.usergroups().find((g) => g.handle === 'k8s-infra-oncall-registry');
    expect(group?.users).toHaveLength(1);
  });
});
