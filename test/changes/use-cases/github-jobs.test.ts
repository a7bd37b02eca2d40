import { describe, expect, it } from 'vitest';
import { changeDirectory } from '../../../src/changes/change-directory.ts';
import { changesSettingsSchema } from '../../../src/changes/config.ts';
import type { Change } from '../../../src/changes/domain/change.ts';
import { TrackerRefused, type ChangeTracker, type NewChangeIssue } from '../../../src/changes/ports/change-tracker.ts';
import type { PullRequestReader } from '../../../src/changes/ports/pull-request-reader.ts';
import type { NoticeMail, NoticeMailer } from '../../../src/changes/ports/notice-mailer.ts';
import { handleGithubEvent } from '../../../src/changes/use-cases/handle-github-event.ts';
import { openConsensusIssue } from '../../../src/changes/use-cases/open-consensus-issue.ts';
import { readPullRequest } from '../../../src/changes/use-cases/read-pull-request.ts';
import { sendNotice } from '../../../src/changes/use-cases/send-notice.ts';
import { ManualClock } from '../../../src/core/clock.ts';
import { PermanentJobError } from '../../../src/platform/jobs/permanent-job-error.ts';
import { testConfig } from '../../helpers/test-config.ts';
import { announced, T0 } from '../helpers/change-fixtures.ts';
import { MemoryChangeStore } from '../helpers/memory-change-store.ts';

const config = testConfig();
const directory = changeDirectory(config, changesSettingsSchema.parse({ ...config.changes }));

class FakeTracker implements ChangeTracker {
  issues: (NewChangeIssue & { number: number })[] = [];
  failure: Error | undefined;
  async openIssue(issue: NewChangeIssue) {
    if (this.failure) throw this.failure;
    const number = this.issues.length + 1;
    this.issues.push({ ...issue, number });
    return { number, url: `https://github.com/kubernetes/k8s.io/issues/${number}`, body: issue.body, created: true };
  }
  async comment(): Promise<'posted'> {
    return 'posted';
  }
  async closeIssue() {}
}

function setup(change: Change = announced({ answers: { workflows: 'may', rollback: 'easy', reach: 'few' }, services: ['registry'] })) {
  const changes = new MemoryChangeStore();
  void changes.create(change, []);
  const clock = new ManualClock(T0);
  const tracker = new FakeTracker();
  const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
  return { changes, clock, tracker, log, change, deps: { changes, clock, directory, tracker, labels: ['sig/k8s-infra', 'lazy-consensus'], mailer: undefined, log } };
}

const notes = (store: MemoryChangeStore) => store.jobIds().filter((id) => id.includes(':say:'));

describe('the GitHub side of a change, over fakes', () => {
  it('opening the issue: GitHub down says so once, retries, and counts from when it opens', async () => {
    const { deps, tracker, changes, change, clock } = setup();
    tracker.failure = new Error('GitHub create issue: HTTP 503 Service Unavailable');
    await expect(openConsensusIssue(deps, change.id, 1)).rejects.toThrow('503');
    await expect(openConsensusIssue(deps, change.id, 2)).rejects.toThrow('503');
    expect(notes(changes)).toEqual([`change:${change.id}:say:issue-late`]);
    tracker.failure = undefined;
    clock.advance(3_600_000);
    await openConsensusIssue(deps, change.id, 3);
    const lazy = changes.changes.get(change.id)!.lazy!;
    expect(lazy.issue?.number).toBe(1);
    expect(lazy.startedAt).toEqual(clock.now());
    expect(tracker.issues[0]!.labels).toEqual(['sig/k8s-infra', 'lazy-consensus']);
    // Done already: a late retry does nothing.
    await openConsensusIssue(deps, change.id, 4);
    expect(tracker.issues).toHaveLength(1);
  });

  it('opening the issue: a refusal (403) stops the retries and tells the thread a lead must open it', async () => {
    const { deps, tracker, changes, change } = setup();
    tracker.failure = new TrackerRefused('GitHub create issue: HTTP 403 Resource not accessible by integration');
    await expect(openConsensusIssue(deps, change.id, 1)).rejects.toBeInstanceOf(PermanentJobError);
    expect(notes(changes)).toEqual([`change:${change.id}:say:issue-refused`]);
  });

  it('a PR that is gone: the change carries on without it (and gets its issue)', async () => {
    const { deps, changes } = setup();
    const change = { ...announced({ answers: { workflows: 'may', rollback: 'easy', reach: 'few' }, pr: { repo: 'kubernetes/k8s.io', number: 404, url: 'https://github.com/kubernetes/k8s.io/pull/404' } }), id: 'chg-0000beef' };
    await changes.create(change, []);
    const pulls: PullRequestReader = { head: async () => 'not-found', files: async () => ({ files: [], total: 0 }), file: async () => undefined };
    await readPullRequest({ ...deps, pulls, pathRules: [] }, change.id, 1);
    expect(changes.changes.get(change.id)).toMatchObject({ prAnalysisState: 'failed', prAnalysisError: 'there is no pull request #404 in kubernetes/k8s.io' });
    expect(changes.jobIds()).toContain(`change:${change.id}:github:issue`);
  });

  it('the notice: a relay failure retries without recording anything; success is recorded once', async () => {
    const { deps, changes, change, clock } = setup();
    const sent: NoticeMail[] = [];
    let fail = true;
    const mailer: NoticeMailer = {
      send: async (m) => {
        if (fail) throw new Error('sending the notice through the SMTP relay failed: ECONNREFUSED');
        sent.push(m);
      },
    };
    await openConsensusIssue(deps, change.id, 1);
    const noticeDeps = { changes, clock, directory, mailer, noticeFrom: 'k8s-infra-bot@kubernetes.io' };
    await expect(sendNotice(noticeDeps, change.id)).rejects.toThrow('ECONNREFUSED');
    expect(changes.changes.get(change.id)!.lazy!.noticeSentAt).toBeNull();
    fail = false;
    await sendNotice(noticeDeps, change.id);
    await sendNotice(noticeDeps, change.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: 'dev@kubernetes.io', from: 'k8s-infra-bot@kubernetes.io', messageId: `<${change.id}.notice@k8s-infra-bot>` });
    expect(changes.changes.get(change.id)!.lazy!.noticeSentAt).toEqual(clock.now());
  });

  it('webhooks about anything else are not handled', async () => {
    const { deps } = setup();
    expect(await handleGithubEvent(deps, 'issue_comment', { action: 'created', issue: { number: 99 }, comment: { body: '/object x', user: { login: 'a' } }, repository: { full_name: 'kubernetes/k8s.io' } })).toEqual({ handled: false });
    expect(await handleGithubEvent(deps, 'push', { repository: { full_name: 'kubernetes/k8s.io' } })).toEqual({ handled: false });
    expect(await handleGithubEvent(deps, 'issues', 'not json')).toEqual({ handled: false });
  });
});
