/**
 * Slack retries a request it thinks went unanswered (X-Slack-Retry-Num 1, 2, 3) with the same body.
 * Through the real HTTP endpoint (SlackHttpReceiver): each retry is answered 200, and a command
 * already handled does not act twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/harness.ts';
import { pagingConfig, SLACK } from '../escalation/paging-fixture.ts';

describe('HTTP mode: Slack retries', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ config: pagingConfig() });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('a retried `/k8s-infra page` (same trigger_id, X-Slack-Retry-Num 1..3) raises one page, and every delivery gets its 200', async () => {
    const channel = h.slack.channelByName('wg-k8s-infra')!;
    const user = h.slack.workspace.users.get(SLACK.thockin) ?? { id: SLACK.thockin, name: 'thockin' };
    const responseUrl = `${h.slack.publicUrl}/response_url/${h.slack.workspace.issueResponseUrl(SLACK.thockin, channel.id).id}`;
    const form = {
      token: 'verification-token', team_id: h.config.slack.teamId, team_domain: 'kubernetes', channel_id: channel.id, channel_name: channel.name ?? 'wg-k8s-infra',
      user_id: SLACK.thockin, user_name: user.name ?? 'thockin', command: '/k8s-infra', text: 'page registry retried delivery test', api_app_id: h.slack.identity.appId,
      is_enterprise_install: 'false', response_url: responseUrl, trigger_id: 'retry-trigger-1',
    };
    const first = await h.slack.sendRaw({ form });
    expect(first.status).toBe(200);
    const post = await h.slack.waitFor(() => h.slack.messages('k8s-infra-alerts').find((m) => (!m.thread_ts || m.thread_ts === m.ts) && m.text.includes('retried delivery test')), { timeoutMs: 10_000 });
    expect(post).toBeDefined();
    for (const retryNum of [1, 2, 3]) {
      const again = await h.slack.sendRaw({ form }, { retryNum, retryReason: 'http_timeout' });
      expect(again.status, `retry ${retryNum}`).toBe(200);
    }
    // Give any second page time to show: jobs run every 50 ms in the test bot.
    await new Promise((r) => setTimeout(r, 1500));
    const pages = h.slack.messages('k8s-infra-alerts').filter((m) => (!m.thread_ts || m.thread_ts === m.ts) && m.text.includes('retried delivery test'));
    expect(pages).toHaveLength(1);
    const openPages = (await h.bot.store.db.selectFrom('pages' as never).selectAll().execute()) as unknown[];
    expect(openPages.filter((p) => JSON.stringify(p).includes('retried delivery test'))).toHaveLength(1);
  });
});
