import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../../src/core/clock.ts';
import type { TicketStore } from '../../src/requests/ports/ticket-store.ts';
import type { Harness } from '../helpers/harness.ts';
import type { FakeGithub } from '../integrations/github/fake-github.ts';
import { fileDnsRequest, JOBSET, REPO, settle, startRequestsE2E } from '../requests/helpers/requests-setup.ts';

const JIM = 'U0JIMANGE';

describe('a DNS create request, end to end: modal → issue from the template → the zone PR → merged → live → closed', () => {
  let e2e: Harness;
  let github: FakeGithub;
  let clock: ManualClock;
  let tickets: TicketStore;

  beforeAll(async () => {
    ({ e2e, github, clock, tickets } = await startRequestsE2E({ dns: true }));
  });
  afterAll(async () => {
    await e2e.stop();
  });

  const dmTexts = () => e2e.slack.dms(JIM).map((m) => m.text);

  it('files the issue byte for byte as the template filled in, and the PR equal to the real commit 4e5442ea6c6f', async () => {
    const filed = await fileDnsRequest(e2e, JIM, {
      dnsFile: 'k8s.io._0_base.yaml',
      dnsAction: 'create',
      dnsName: 'jobset.sigs',
      dnsType: 'CNAME',
      dnsValues: 'kubernetes-docs.netlifyglobalcdn.com.',
      dnsAfter: 'kueue.sigs',
      dnsComment: 'https://github.com/kubernetes-sigs/jobset docs (@moficodes @danielvegamyhre)',
      reason: 'Docs site for https://github.com/kubernetes-sigs/jobset, hosted on Netlify.',
    });
    // Before anything is filed the person sees the existing record (none) and the new one.
    expect(filed.confirmation).toContain('_none: this is a new record_');
    expect(filed.confirmation).toContain('jobset.sigs:\\n- type: CNAME\\n  value: kubernetes-docs.netlifyglobalcdn.com.');
    expect(github.issues(REPO)).toEqual([]);
    await settle(e2e.drain, clock);

    const [ticket] = await tickets.byRequester(JIM, 5);
    expect(ticket).toMatchObject({ state: 'pr-open', spec: { kind: 'dns' } });
    const permalink = ticket!.thread!.permalink;
    expect(permalink).toMatch(/^https:\/\/.+\.slack\.com\/archives\/C[A-Z0-9]+\/p\d+$/);

    const [issue] = github.issues(REPO);
    expect(issue!.title).toBe('DNS REQUEST: jobset.sigs.k8s.io');
    expect(issue!.labels).toEqual(['sig/k8s-infra', 'area/dns']);
    expect(issue!.body).toBe(
      [
        '',
        '### Type of DNS update:',
        'Create',
        '',
        '### Domain being modified:',
        '`k8s.io`',
        '',
        '### Existing DNS Record:',
        '',
        'None: this is a new record.',
        '',
        '### New DNS Record:',
        '',
        '```yaml',
        'jobset.sigs:',
        '- type: CNAME',
        '  value: kubernetes-docs.netlifyglobalcdn.com.',
        '```',
        '',
        '### Reason for update:',
        '',
        'Docs site for https://github.com/kubernetes-sigs/jobset, hosted on Netlify.',
        '',
        `Requested in Slack by @jimangel: ${permalink}`,
        '',
      ].join('\n'),
    );
    // The template's headings, exactly and in order.
    expect(issue!.body.split('\n').filter((l) => l.startsWith('### '))).toEqual(['### Type of DNS update:', '### Domain being modified:', '### Existing DNS Record:', '### New DNS Record:', '### Reason for update:']);

    const [pr] = github.pullRequests(REPO);
    expect(pr!.title).toBe('DNS: add CNAME record for jobset.sigs.k8s.io');
    expect(pr!.body).toContain(`Refs #${issue!.number}`);
    expect(github.fileAt(REPO, pr!.headRef, 'dns/zone-configs/k8s.io._0_base.yaml')).toBe(JOBSET.after);
    // The approvers of dns/OWNERS are asked (the requester is not among them).
    expect(pr!.requestedReviewers).toEqual(['bburns', 'bentheelder', 'cblecker', 'dims', 'hh', 'idvoretskyi', 'thockin']);
    expect(dmTexts().some((t) => t.includes(':ticket:') && t.includes(`#${issue!.number}`))).toBe(true);
    expect(dmTexts().some((t) => t.includes('/lgtm') && t.includes(`#${pr!.number}`))).toBe(true);
    // The thread in the requests channel shows what is asked.
    expect(e2e.slack.messages('wg-k8s-infra').some((m) => m.text.includes(ticket!.id))).toBe(true);
  });

  it('follows the merge, asks the name servers until they answer, then says it is live and closes the issue', async () => {
    const [ticket] = await tickets.byRequester(JIM, 5);
    const [pr] = github.pullRequests(REPO);
    github.mergePullRequest(REPO, pr!.number);
    const merged = await e2e.githubWebhook('pull_request', github.pullRequestEvent(REPO, pr!.number));
    expect(merged.status).toBeLessThan(300);
    expect(((await merged.json()) as { outcomes?: string[] }).outcomes).toContain(`requests: ${ticket!.id}:merged`);
    await e2e.drain();
    expect(dmTexts().some((t) => t.includes('is merged') && t.includes('post-k8sio-dns'))).toBe(true);

    // post-k8sio-dns has not run yet: the first check finds nothing, another is scheduled.
    clock.advance(61_000);
    await e2e.drain();
    expect(e2e.dns!.queries.some((q) => q.name === 'jobset.sigs.k8s.io' && q.type === 'CNAME')).toBe(true);
    expect((await tickets.get(ticket!.id))!.state).toBe('merged');

    e2e.dns!.records['jobset.sigs.k8s.io'] = { CNAME: 'kubernetes-docs.netlifyglobalcdn.com' };
    clock.advance(121_000);
    await settle(e2e.drain, clock);
    expect((await tickets.get(ticket!.id))!.state).toBe('closed');
    const issue = github.issue(REPO, ticket!.issue!.number)!;
    expect(issue.state).toBe('closed');
    expect(issue.comments.at(-1)).toContain('now answer jobset.sigs.k8s.io CNAME');
    expect(dmTexts().filter((t) => t.includes('is live'))).toHaveLength(1);
    expect(dmTexts().filter((t) => t.includes(':checkered_flag:'))).toHaveLength(1);

    // GitHub's own "closed" delivery for that issue changes nothing and tells nobody again.
    await e2e.githubWebhook('issues', github.issueEvent(REPO, issue.number, 'closed'));
    await e2e.drain();
    expect(dmTexts().filter((t) => t.includes(':checkered_flag:'))).toHaveLength(1);
  });
});
