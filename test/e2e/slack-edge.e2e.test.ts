import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOREIGN_WORKSPACE_TEXT } from '../../src/platform/slack/slack-http-receiver.ts';
import { startHarness, type Harness } from '../helpers/harness.ts';

const THOCKIN = 'U0THOCKIN';
const OTHER_ORG = { id: 'T0OTHERORG', domain: 'other-org' };

/** Every request Slack can send reaches the real endpoint signed, through the emulator. */
describe('the Slack edge: signatures, the workspace boundary, malformed and unknown requests', () => {
  let h: Harness;
  const channel = () => h.slack.channelByName('wg-k8s-infra')!.id;
  const errorLines = () => h.bot.logLines.filter((l) => /"level":(50|60)/.test(l));

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('answers a command from our workspace', async () => {
    const r = await h.slack.sendSlashCommand({ userId: THOCKIN, channelId: channel(), text: 'help' });
    expect(r.ok).toBe(true);
    expect(JSON.stringify(r.shown)).toContain('/k8s-infra status');
  });

  describe('requests from another workspace or organisation are refused before any listener runs', () => {
    it('a slash command: an ephemeral refusal, no page, audited', async () => {
      const before = (await h.bot.audit.list({ action: 'page.created' })).length;
      const r = await h.slack.sendSlashCommand({ userId: THOCKIN, channelId: channel(), text: 'page registry everything is down', fromTeam: OTHER_ORG });
      expect(r.status).toBe(200);
      expect(JSON.stringify(r.shown)).toContain(FOREIGN_WORKSPACE_TEXT);
      await new Promise((res) => setTimeout(res, 200));
      expect(await h.bot.audit.list({ action: 'page.created' })).toHaveLength(before);
      const refused = await h.bot.audit.list({ action: 'slack.refused' });
      expect(refused.at(-1)).toMatchObject({ actor: THOCKIN, subject: 'slack:slash_command', payload: { reason: 'request from team T0OTHERORG' } });
    });

    it('another Enterprise Grid organisation, even with our team id', async () => {
      const r = await h.slack.sendSlashCommand({ userId: THOCKIN, channelId: channel(), text: 'help', fromTeam: { id: h.slack.teamId, enterpriseId: 'E0OTHERORG' } });
      expect(JSON.stringify(r.shown)).toContain(FOREIGN_WORKSPACE_TEXT);
    });

    it('a Slack Connect user clicking a button in a shared channel: refused ephemerally, nothing changes', async () => {
      const posted = await h.bot.notifier.post(channel(), { text: 'a page', blocks: [{ type: 'actions', elements: [{ type: 'button', action_id: 'paging.acknowledge', text: { type: 'plain_text', text: 'Acknowledge' }, value: 'registry-0000000000' }] }] });
      const r = await h.slack.clickButton({ userId: THOCKIN, source: { channelId: posted.channel, messageTs: posted.ts }, actionId: 'paging.acknowledge', fromTeam: OTHER_ORG });
      expect(r.status).toBe(200);
      await h.slack.waitFor(() => h.slack.ephemerals(THOCKIN).find((m) => m.text.includes(FOREIGN_WORKSPACE_TEXT)));
      expect((await h.bot.audit.list({ action: 'slack.refused' })).at(-1)).toMatchObject({ subject: 'slack:block_actions' });
    });
  });

  describe('every signed request gets a 200 within Slack’s 3 seconds, handled or not', () => {
    const identity = () => h.slack.payloadIdentity(THOCKIN);
    const cases: [string, () => unknown][] = [
      ['an unknown action_id', () => ({ type: 'block_actions', ...identity(), trigger_id: '1.2', actions: [{ type: 'button', action_id: 'old.removed_button', block_id: 'b', value: 'x', action_ts: '1' }] })],
      ['an unknown callback_id', () => ({ type: 'view_submission', ...identity(), view: { id: 'V1', type: 'modal', callback_id: 'old.removed_modal', state: { values: {} }, private_metadata: '' } })],
      ['view_closed', () => ({ type: 'view_closed', ...identity(), view: { id: 'V1', type: 'modal', callback_id: 'paging.create_page', state: { values: {} } }, is_cleared: false })],
      ['a global shortcut', () => ({ type: 'shortcut', ...identity(), callback_id: 'some_shortcut', trigger_id: '1.2' })],
      ['a message action', () => ({ type: 'message_action', ...identity(), callback_id: 'some_action', trigger_id: '1.2', message: { ts: '1.2', text: 'hi' }, channel: { id: channel() } })],
      ['block_suggestion for an unknown id', () => ({ type: 'block_suggestion', ...identity(), action_id: 'old.removed_select', block_id: 'b', value: 'a' })],
    ];
    for (const [what, payload] of cases) {
      it(what, async () => {
        const r = await h.slack.sendRaw({ payload: payload() });
        expect(r.status).toBe(200);
        expect(r.ackMs).toBeLessThan(3000);
      });
    }

    it('an app_rate_limited notice', async () => {
      const r = await h.slack.sendRaw({ json: { token: 'x', type: 'app_rate_limited', team_id: h.slack.teamId, minute_rate_limited: 1518467820, api_app_id: 'A0SANDBOX' } });
      expect(r.status).toBe(200);
      expect(r.ackMs).toBeLessThan(3000);
    });

    it('answers url_verification with the challenge', async () => {
      const r = await h.slack.sendRaw({ json: { token: 'x', type: 'url_verification', challenge: 'c-123' } });
      expect(r.body).toEqual({ challenge: 'c-123' });
    });
  });

  describe('malformed payloads get 400, never a 5xx or a stack at error level', () => {
    const cases: [string, () => unknown][] = [
      ['payload=null', () => null],
      ['actions that is not an array', () => ({ type: 'block_actions', ...h.slack.payloadIdentity(THOCKIN), actions: { action_id: 'paging.acknowledge' } })],
      ['no user', () => ({ type: 'block_actions', team: { id: h.slack.teamId }, actions: [{ action_id: 'paging.acknowledge', value: 'x' }] })],
      ['a view submission without a view', () => ({ type: 'view_submission', ...h.slack.payloadIdentity(THOCKIN) })],
    ];
    for (const [what, payload] of cases) {
      it(what, async () => {
        const errorsBefore = errorLines().length;
        const r = await h.slack.sendRaw({ payload: payload() });
        expect(r.status).toBe(400);
        expect(errorLines()).toHaveLength(errorsBefore);
      });
    }

    it('a body that is not JSON', async () => {
      expect((await h.slack.sendRaw('payload=%7Bnot-json')).status).toBe(400);
    });
  });

  describe('signatures and timestamps: five minutes either side, whole seconds', () => {
    const body = () => ({ form: { command: '/k8s-infra', text: 'help', user_id: THOCKIN, user_name: 'thockin', team_id: h.slack.teamId, channel_id: channel(), trigger_id: '1.2', response_url: `${h.slack.publicUrl}/nowhere` } });
    it('accepts a fresh one', async () => {
      expect((await h.slack.sendRaw(body())).status).toBe(200);
    });
    it('refuses one more than five minutes old', async () => {
      expect((await h.slack.sendRaw(body(), { skewSeconds: -301 })).status).toBe(401);
    });
    it('refuses one more than five minutes in the future', async () => {
      expect((await h.slack.sendRaw(body(), { skewSeconds: 301 })).status).toBe(401);
    });
    it('refuses a timestamp in milliseconds', async () => {
      expect((await h.slack.sendRaw(body(), { timestampInMs: true })).status).toBe(401);
    });
    it('refuses a wrong signature and a missing one', async () => {
      expect((await h.slack.sendRaw(body(), { signature: `v0=${'0'.repeat(64)}` })).status).toBe(401);
      expect((await h.slack.sendRaw(body(), { unsigned: true })).status).toBe(401);
    });
  });
});

describe('the edge counts what it did with each request', () => {
  it('k8s_infra_bot_interactions_total by type, id (handled ones only) and outcome', async () => {
    const h = await startHarness();
    try {
      await h.slack.sendSlashCommand({ userId: THOCKIN, channelId: h.slack.channelByName('wg-k8s-infra')!.id, text: 'help' });
      await h.slack.sendRaw({ payload: { type: 'block_actions', ...h.slack.payloadIdentity(THOCKIN), actions: [{ type: 'button', action_id: 'attacker-chosen-id', value: 'x' }] } });
      await h.slack.sendRaw({ payload: null });
      const text = await h.bot.metrics.registry.getSingleMetricAsString('k8s_infra_bot_interactions_total');
      expect(text).toContain('type="slash_command",id="/k8s-infra",outcome="handled"} 1');
      expect(text).toContain('type="block_actions",id="unknown",outcome="ignored"} 1');
      expect(text).toContain('type="unknown",id="unknown",outcome="malformed"} 1');
      expect(text).not.toContain('attacker-chosen-id');
    } finally {
      await h.stop();
    }
  });
});
