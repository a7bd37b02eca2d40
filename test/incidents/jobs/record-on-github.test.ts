import { describe, expect, it } from 'vitest';
import { recordOnGithubJob } from '../../../src/incidents/jobs/record-on-github.ts';
import { PermanentJobError } from '../../../src/platform/jobs/permanent-job-error.ts';
import { anIncident, deliverPosts, incidentTestDeps, jobContext, T0 } from '../helpers/fakes.ts';

const KIND = 'incident.github';

function rig(issueNumber: number | null = null) {
  const deps = incidentTestDeps();
  deps.incidents.put(anIncident(issueNumber === null ? {} : { issueNumber, issueUrl: `https://github.com/kubernetes/k8s.io/issues/${issueNumber}` }));
  const job = recordOnGithubJob.bind(deps);
  const run = (id: string, payload: unknown, attempts = 1) => job.run(payload, jobContext({ id, kind: KIND, attempts }, deps.clock.now()));
  return { deps, run };
}

describe('the incident.github job', () => {
  it('opens the issue once, links it, audits it and refreshes the summary', async () => {
    const { deps, run } = rig();
    await run('incident-github:inc-1:create', { incidentId: 'inc-1', action: 'create' });
    await run('incident-github:inc-1:create', { incidentId: 'inc-1', action: 'create' });
    expect(deps.tracker.issues.map((i) => [i.title, i.labels])).toEqual([['[SEV2] Registry pulls failing', ['sig/k8s-infra', 'severity/sev2']]]);
    expect(deps.tracker.issue(1).body).toContain('**Commander:** @ameukam');
    expect(await deps.incidents.get('inc-1')).toMatchObject({ issueNumber: 1, issueUrl: 'https://github.com/kubernetes/k8s.io/issues/1' });
    expect((await deps.incidents.timeline('inc-1')).at(-1)?.text).toBe('GitHub issue <https://github.com/kubernetes/k8s.io/issues/1|#1> opened');
    expect(deps.incidents.audits()).toEqual([{ at: T0, actor: 'system', action: 'incident.issue_opened', subject: 'incident:inc-1', payload: { number: 1, url: 'https://github.com/kubernetes/k8s.io/issues/1', attempts: 1, found: false } }]);
    expect(deps.notifier.updates).toHaveLength(1);
    expect(deps.tracker.issue(1).body.endsWith('<!-- k8s-infra-bot incident inc-1 -->')).toBe(true);
  });

  it('after a lost answer (GitHub opened it, the connection dropped), finds its own issue instead of opening a second', async () => {
    const { deps, run } = rig();
    deps.tracker.loseNextAnswers = 1;
    await expect(run('incident-github:inc-1:create', { incidentId: 'inc-1', action: 'create' }, 1)).rejects.toThrow(/other side closed/);
    await run('incident-github:inc-1:create', { incidentId: 'inc-1', action: 'create' }, 2);
    expect(deps.tracker.issues).toHaveLength(1);
    expect(deps.tracker.searches).toEqual([{ marker: '<!-- k8s-infra-bot incident inc-1 -->', labels: ['sig/k8s-infra'] }]);
    expect(await deps.incidents.get('inc-1')).toMatchObject({ issueNumber: 1 });
    expect(deps.incidents.audits().at(-1)?.payload).toMatchObject({ number: 1, attempts: 2, found: true });
  });

  it('says once, in the channel, that GitHub is late, and says how late when it answers', async () => {
    const { deps, run } = rig();
    deps.tracker.down = true;
    await expect(run('incident-github:inc-1:create', { incidentId: 'inc-1', action: 'create' }, 1)).rejects.toThrow(/HTTP 503/);
    await expect(run('incident-github:inc-1:create', { incidentId: 'inc-1', action: 'create' }, 2)).rejects.toThrow(/HTTP 503/);
    expect(deps.incidents.jobs('incident.post').map((j) => j.id)).toEqual(['incident-issue-late:inc-1']);
    await deliverPosts(deps);
    expect(deps.notifier.textsIn('C0INC1')).toEqual([':warning: GitHub did not answer (GitHub create issue: HTTP 503 Service Unavailable); the issue will be opened in kubernetes/k8s.io when it does.']);
    expect((await deps.incidents.timeline('inc-1')).filter((e) => e.kind === 'issue_delayed')).toHaveLength(1);
    deps.tracker.down = false;
    await run('incident-github:inc-1:create', { incidentId: 'inc-1', action: 'create' }, 3);
    expect((await deps.incidents.timeline('inc-1')).at(-1)?.text).toMatch(/opened \(after 3 attempts\)$/);
  });

  it('comments once per delivery, and waits (retrying) until the issue is opened', async () => {
    const early = rig();
    await expect(early.run('incident-github:inc-1:comment:1:1:update', { incidentId: 'inc-1', action: 'comment', body: 'hi' })).rejects.toThrow('the incident issue is not opened yet');

    const { deps, run } = rig(1);
    await deps.tracker.createIssue({ title: 't', body: '', labels: [], marker: '' });
    await run('incident-github:inc-1:comment:1:1:update', { incidentId: 'inc-1', action: 'comment', body: 'first' });
    await run('incident-github:inc-1:comment:1:1:update', { incidentId: 'inc-1', action: 'comment', body: 'first' });
    // The answer to this one is lost: the retry finds it by its marker.
    deps.tracker.loseNextAnswers = 1;
    await expect(run('incident-github:inc-1:comment:2:2:update', { incidentId: 'inc-1', action: 'comment', body: 'second' }, 1)).rejects.toThrow(/other side closed/);
    await run('incident-github:inc-1:comment:2:2:update', { incidentId: 'inc-1', action: 'comment', body: 'second' }, 2);
    expect(deps.tracker.issue(1).comments).toEqual([
      'first\n\n<!-- k8s-infra-bot comment incident-github:inc-1:comment:1:1:update -->',
      'second\n\n<!-- k8s-infra-bot comment incident-github:inc-1:comment:2:2:update -->',
    ]);
    expect([...deps.once.done]).toEqual(['incident-github:inc-1:comment:1:1:update:done', 'incident-github:inc-1:comment:2:2:update:done']);
  });

  it('on close: the resolution comment, closing, and the review with the timeline, each once', async () => {
    const { deps, run } = rig(1);
    await deps.tracker.createIssue({ title: 't', body: '', labels: [], marker: '' });
    const resolved = { ...anIncident({ issueNumber: 1, issueUrl: 'u' }), status: 'resolved' as const, resolution: 'renewed <the cert> & told @kubernetes/sig-k8s-infra-leads', resolvedAt: new Date(T0.getTime() + 3_600_000), mitigatedAt: T0, acknowledgedAt: T0 };
    deps.incidents.put(resolved);
    await run('incident-github:inc-1:close', { incidentId: 'inc-1', action: 'close' });
    await run('incident-github:inc-1:close', { incidentId: 'inc-1', action: 'close' });
    // What the person typed shows as typed on GitHub, and pings no GitHub team.
    expect(deps.tracker.issue(1)).toMatchObject({ closed: true, comments: [expect.stringContaining('**Resolved** by k8s-infra-bot: renewed &lt;the cert&gt; &amp; told @&#8203;kubernetes/sig-k8s-infra-leads')] });
    expect(deps.tracker.issues.map((i) => i.title)).toEqual(['t', 'Post-incident review: Registry pulls failing']);
    expect(deps.tracker.issue(2).labels).toEqual(['sig/k8s-infra', 'kind/post-incident-review']);
    expect(await deps.incidents.get('inc-1')).toMatchObject({ reviewIssueNumber: 2, reviewIssueUrl: 'https://github.com/kubernetes/k8s.io/issues/2' });
    expect((await deps.incidents.timeline('inc-1')).at(-1)?.text).toBe('Issue #1 closed; post-incident review <https://github.com/kubernetes/k8s.io/issues/2|#2> opened');
    expect(deps.incidents.audits().map((a) => a.action)).toEqual(['incident.review_opened']);
  });

  it('after a lost answer to the review, finds the review instead of opening a second', async () => {
    const { deps, run } = rig(1);
    await deps.tracker.createIssue({ title: 't', body: '', labels: [], marker: '' });
    deps.incidents.put({ ...anIncident({ issueNumber: 1, issueUrl: 'u' }), status: 'resolved', resolution: 'done', resolvedAt: T0, mitigatedAt: T0 });
    // The comment and the close go through; the review's create answer is lost.
    const create = deps.tracker.createReviewIssue.bind(deps.tracker);
    deps.tracker.createReviewIssue = async (issue) => {
      deps.tracker.loseNextAnswers = 1;
      return create(issue);
    };
    await expect(run('incident-github:inc-1:close', { incidentId: 'inc-1', action: 'close' }, 1)).rejects.toThrow(/other side closed/);
    await run('incident-github:inc-1:close', { incidentId: 'inc-1', action: 'close' }, 2);
    expect(deps.tracker.issues.map((i) => i.title)).toEqual(['t', 'Post-incident review: Registry pulls failing']);
    expect(deps.tracker.searches).toEqual([{ marker: '<!-- k8s-infra-bot review inc-1 -->', labels: ['sig/k8s-infra', 'kind/post-incident-review'] }]);
    expect(deps.tracker.issue(1).comments).toHaveLength(1);
    expect(await deps.incidents.get('inc-1')).toMatchObject({ reviewIssueNumber: 2 });
  });

  it('fails for good on a payload that does not match its schema', async () => {
    const { run } = rig();
    await expect(run('x', { incidentId: 'inc-1', action: 'comment' })).rejects.toThrow(PermanentJobError);
    await expect(run('x', { incidentId: 'inc-1', action: 'reopen' })).rejects.toThrow(/payload of incident.github does not match/);
  });
});
