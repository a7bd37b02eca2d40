import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../../src/core/clock.ts';
import type { TicketStore } from '../../src/requests/ports/ticket-store.ts';
import type { Harness } from '../helpers/harness.ts';
import { HOSTILE, unescapedHostile } from '../helpers/hostile.ts';
import type { FakeGithub } from '../integrations/github/fake-github.ts';
import { fileDnsRequest, REPO, settle, startRequestsE2E } from '../requests/helpers/requests-setup.ts';

const JIM = 'U0JIMANGE';
const DIMS = 'U0DIMS001'; // a lead
const NIKHITA = 'U0NIKHITA'; // neither lead nor request admin
const WAIT = { timeoutMs: 8000 };
const DAY = 86_400_000;

describe('tracking: an idle ticket nudges its approvers; request list shows mine, and the admins what waits on them', () => {
  let e2e: Harness;
  let github: FakeGithub;
  let clock: ManualClock;
  let tickets: TicketStore;

  beforeAll(async () => {
    ({ e2e, github, clock, tickets } = await startRequestsE2E());
  });
  afterAll(async () => {
    await e2e.stop();
  });

  const ticket = async () => (await tickets.byRequester(JIM, 5))[0]!;

  it('files a DNS update, then after 7 idle days reminds the dns/OWNERS approvers in the thread and on the PR', async () => {
    const filed = await fileDnsRequest(e2e, JIM, {
      dnsFile: 'k8s.io._0_base.yaml',
      dnsAction: 'update',
      dnsName: 'kueue.sigs',
      dnsType: 'CNAME',
      dnsValues: 'kubernetes-docs.netlifyglobalcdn.com.',
      reason: `Netlify moved the site. ${HOSTILE}`,
    });
    expect(filed.confirmation).toContain('kueue.sigs:\\n  type: CNAME\\n  value: kubernetes-sigs-kueue.netlify.app.');
    await settle(e2e.drain, clock);
    const t = await ticket();
    expect(t.state).toBe('pr-open');
    const [issue] = github.issues(REPO);
    // The existing record, as the zone file has it, and the new one.
    expect(issue!.body).toContain('### Existing DNS Record:\n\n```yaml\nkueue.sigs:\n  type: CNAME\n  value: kubernetes-sigs-kueue.netlify.app.\n```');
    expect(issue!.body).toContain('```yaml\nkueue.sigs:\n- type: CNAME\n  value: kubernetes-docs.netlifyglobalcdn.com.\n```');
    expect(unescapedHostile(e2e.slack.messages('wg-k8s-infra'))).toEqual([]);
    expect(unescapedHostile(e2e.slack.dms(JIM))).toEqual([]);

    clock.advance(6 * DAY);
    await e2e.drain();
    expect(e2e.slack.thread('wg-k8s-infra', t.thread!.ts).filter((m) => m.text.includes(':wave:'))).toHaveLength(0);

    clock.advance(DAY + 60_000);
    await settle(e2e.drain, clock);
    const nudges = e2e.slack.thread('wg-k8s-infra', t.thread!.ts).filter((m) => m.text.includes(':wave:'));
    expect(nudges).toHaveLength(1);
    // The approvers the config knows are mentioned in Slack; all of them on GitHub.
    expect(nudges[0]!.text).toContain('<@U0BENTHEE> <@U0DIMS001> <@U0HHHHHHH> <@U0THOCKIN>');
    const pr = github.pullRequests(REPO)[0]!;
    expect(pr.comments.at(-1)).toBe('@bburns @bentheelder @cblecker @dims @hh @idvoretskyi @thockin: this request has waited 7 days. PTAL.');

    // Activity on the PR resets the idle clock: no second nudge 7 days after the first one, but 7 days after the comment.
    clock.advance(3 * DAY);
    await e2e.githubWebhook('issue_comment', github.commentEvent(REPO, pr.number, '/lgtm', 'jimangel'));
    clock.advance(4 * DAY + 60_000);
    await settle(e2e.drain, clock);
    expect(e2e.slack.thread('wg-k8s-infra', t.thread!.ts).filter((m) => m.text.includes(':wave:'))).toHaveLength(1);
    clock.advance(3 * DAY);
    await settle(e2e.drain, clock);
    expect(e2e.slack.thread('wg-k8s-infra', t.thread!.ts).filter((m) => m.text.includes(':wave:'))).toHaveLength(2);
  });

  it('request list: the requester sees theirs; a lead also sees what waits on the admins; others do not', async () => {
    const list = async (user: string) => {
      const r = await e2e.slack.sendSlashCommand({ userId: user, channelId: e2e.slack.channelByName('wg-k8s-infra')!.id, text: 'request list' });
      return JSON.stringify(r.shown ?? (await e2e.slack.waitFor(() => e2e.slack.ephemerals(user).at(-1), WAIT)));
    };
    const t = await ticket();
    const mine = await list(JIM);
    expect(mine).toContain(t.id);
    expect(mine).toContain('PR open');
    expect(mine).not.toContain('Waiting on the admins');
    const lead = await list(DIMS);
    expect(lead).toContain('You have no requests');
    expect(lead).toContain('Waiting on the admins');
    expect(lead).toContain(t.id);
    const other = await list(NIKHITA);
    expect(other).not.toContain('Waiting on the admins');
    expect(other).not.toContain(t.id);
  });
});
