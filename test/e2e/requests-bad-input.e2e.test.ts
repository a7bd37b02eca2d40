import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../../src/core/clock.ts';
import { REQUESTS_IDS } from '../../src/requests/ids.ts';
import type { TicketStore } from '../../src/requests/ports/ticket-store.ts';
import type { Harness } from '../helpers/harness.ts';
import type { FakeGithub } from '../integrations/github/fake-github.ts';
import { fileDnsRequest, openRequestForm, REPO, settle, startRequestsE2E } from '../requests/helpers/requests-setup.ts';

const A = REQUESTS_IDS.actions;
const B = REQUESTS_IDS.blocks;
const JIM = 'U0JIMANGE';

describe('bad requests get inline errors and nothing is filed; GitHub down queues; foreign webhooks are ignored', () => {
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


  const openForm = (kind: 'dns' | 'staging' | 'other') => openRequestForm(e2e, JIM, kind);

  async function submitDns(fields: { file?: string; action: string; name: string; type: string; values?: string }) {
    const form = await openForm('dns');
    const r = await e2e.slack.submitView({
      userId: JIM,
      viewId: form.id,
      values: {
        [B.dnsFile]: { [A.dnsFile]: fields.file ?? 'k8s.io._0_base.yaml' },
        [B.dnsAction]: { [A.dnsAction]: fields.action },
        [B.dnsName]: { [A.dnsName]: fields.name },
        [B.dnsType]: { [A.dnsType]: fields.type },
        [B.dnsValues]: { [A.dnsValues]: fields.values ?? '' },
        [B.reason]: { [A.reason]: 'testing a bad request' },
      },
    });
    await e2e.slack.closeView({ userId: JIM, viewId: form.id }).catch(() => undefined);
    return r;
  }

  it('refuses a create for a record that exists, on the name field', async () => {
    const r = await submitDns({ action: 'create', name: 'kueue.sigs', type: 'CNAME', values: 'elsewhere.netlify.app.' });
    expect(r.responseAction).toBe('errors');
    expect(r.errors![B.dnsName]).toBe('kueue.sigs.k8s.io already has a CNAME record (in k8s.io._0_base.yaml): ask for an update instead.');
  });

  it('refuses a delete of a record that does not exist', async () => {
    const r = await submitDns({ action: 'delete', name: 'no-such-site.sigs', type: 'CNAME' });
    expect(r.errors![B.dnsName]).toBe('no-such-site.sigs.k8s.io has no CNAME record to delete.');
  });

  it('refuses a key given as the fully qualified name, saying the relative one', async () => {
    const r = await submitDns({ action: 'create', name: 'jobset.sigs.k8s.io', type: 'CNAME', values: 'kubernetes-docs.netlifyglobalcdn.com.' });
    expect(r.errors![B.dnsName]).toBe('Enter the name relative to the zone k8s.io: jobset.sigs, not the full name jobset.sigs.k8s.io.');
    const dotted = await submitDns({ action: 'create', name: 'jobset.sigs.k8s.io.', type: 'CNAME', values: 'kubernetes-docs.netlifyglobalcdn.com.' });
    expect(dotted.errors![B.dnsName]).toContain('without a trailing dot: for jobset.sigs.k8s.io. that is jobset.sigs');
  });

  it('refuses an NS record in a _0_base file (the zone README), pointing at k8s.io.yaml', async () => {
    const r = await submitDns({ action: 'create', name: 'delegated', type: 'NS', values: 'ns-cloud-a1.googledomains.com.' });
    expect(r.errors![B.dnsType]).toContain('No NS records in a _0_base file');
    expect(r.errors![B.dnsType]).toContain('Choose k8s.io.yaml');
  });

  it('checks values per type: an A that is no address, a CNAME without its dot, a CNAME beside other records', async () => {
    expect((await submitDns({ action: 'create', name: 'new-a', type: 'A', values: '34.107.204' })).errors![B.dnsValues]).toBe('34.107.204 is not an IPv4 address (such as 34.107.204.206).');
    expect((await submitDns({ action: 'create', name: 'new-c', type: 'CNAME', values: 'example.netlify.app' })).errors![B.dnsValues]).toBe('A CNAME value ends with a dot: example.netlify.app.');
    expect((await submitDns({ action: 'create', name: 'registry', type: 'CNAME', values: 'example.netlify.app.' })).errors![B.dnsType]).toMatch(/^A CNAME cannot sit beside other records: registry\.k8s\.io already has /);
  });

  it('refuses a staging name of 19 characters and a name already taken', async () => {
    const submit = async (name: string) => {
      const form = await openForm('staging');
      const r = await e2e.slack.submitView({
        userId: JIM,
        viewId: form.id,
        values: { [B.stagingName]: { [A.stagingName]: name }, [B.stagingSig]: { [A.stagingSig]: 'sig-release' }, [B.stagingMembers]: { [A.stagingMembers]: 'jim@example.com' }, [B.reason]: { [A.reason]: 'images' } },
      });
      await e2e.slack.closeView({ userId: JIM, viewId: form.id }).catch(() => undefined);
      return r;
    };
    const long = await submit('release-notes-tools');
    expect('release-notes-tools').toHaveLength(19);
    expect(long.errors![B.stagingName]).toBe('release-notes-tools is 19 characters: a staging name is at most 18 (k8s-staging-<name> must fit a GCP project id).');
    const taken = await submit('artifact-promoter');
    expect(taken.errors![B.stagingName]).toBe('k8s-staging-artifact-promoter is taken: k8s-infra-staging-artifact-promoter@kubernetes.io already exists.');
    expect(await tickets.byRequester(JIM, 10)).toEqual([]);
    expect(github.issues(REPO)).toEqual([]);
  });

  it('GitHub down: the ticket waits in the queue, the requester is told once, and it is filed when GitHub is back', async () => {
    github.outage = true;
    const form = await openForm('other');
    const r = await e2e.slack.submitView({ userId: JIM, viewId: form.id, values: { [B.title]: { [A.title]: 'A bucket for the sig-release notes' }, [B.description]: { [A.description]: 'We need somewhere to publish them.' } } });
    expect(r.ok).toBe(true);
    await settle(e2e.drain, clock);
    const [ticket] = await tickets.byRequester(JIM, 5);
    expect(ticket!.state).toBe('queued');
    expect(e2e.slack.dms(JIM).filter((m) => m.text.includes('is queued'))).toHaveLength(1);
    expect(github.issues(REPO)).toEqual([]);

    github.outage = false;
    clock.advance(60 * 60_000);
    await settle(e2e.drain, clock);
    expect((await tickets.get(ticket!.id))!.state).toBe('filed');
    const [issue] = github.issues(REPO);
    expect(issue).toMatchObject({ title: 'A bucket for the sig-release notes', labels: ['sig/k8s-infra'] });
    expect(issue!.body).toBe(`We need somewhere to publish them.\n\nRequested in Slack by @jimangel: ${ticket!.thread!.permalink}\n`);
    expect(e2e.slack.dms(JIM).filter((m) => m.text.includes('is queued'))).toHaveLength(1);
    expect(e2e.slack.dms(JIM).filter((m) => m.text.includes(':ticket:'))).toHaveLength(1);
  });

  it('ignores a webhook for an issue the bot did not file, and audits it', async () => {
    const stranger = github.addIssue(REPO, { title: 'DNS REQUEST: foo.k8s.io', labels: ['sig/k8s-infra', 'area/dns'], author: 'someone' });
    const r = await e2e.githubWebhook('issues', github.issueEvent(REPO, stranger.number, 'closed'));
    expect(r.status).toBeLessThan(300);
    const entries = await e2e.bot.audit.list({ action: 'request.webhook-ignored' });
    expect(entries).toMatchObject([{ subject: `github:${REPO}#${stranger.number}`, payload: { event: 'issues', reason: 'not an issue the bot filed' } }]);
  });

  it('a zone that changed on GitHub since the local copy: the issue says the PR could not be prepared, and so does the DM', async () => {
    const NIKHITA = 'U0NIKHITA';
    const path = 'dns/zone-configs/k8s.io._0_base.yaml';
    github.pushFile(REPO, 'main', path, `${github.fileAt(REPO, 'main', path)!}late.sigs:\n  type: CNAME\n  value: someone-else.netlify.app.\n`);
    await fileDnsRequest(e2e, NIKHITA, { dnsFile: 'k8s.io._0_base.yaml', dnsAction: 'create', dnsName: 'late.sigs', dnsType: 'CNAME', dnsValues: 'kubernetes-docs.netlifyglobalcdn.com.', reason: 'docs' });
    await settle(e2e.drain, clock);
    const [ticket] = await tickets.byRequester(NIKHITA, 5);
    expect(ticket).toMatchObject({ state: 'filed', prProblem: `${path} cannot take the edit now: late.sigs already has a record of type CNAME` });
    expect(github.pullRequests(REPO)).toEqual([]);
    expect(github.issue(REPO, ticket!.issue!.number)!.comments).toEqual([`The bot could not prepare the pull request for this request: ${ticket!.prProblem}. A DNS admin or group admin can open it by hand.`]);
    expect(e2e.slack.dms(NIKHITA).filter((m) => m.text.includes('could not prepare the pull request'))).toHaveLength(1);
  });
});

