import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { rotaOnReady, startHarnessWith } from '../rota/helpers/rota-harness.ts';

// DNS hands off every Monday 09:00 Berlin: 30 Nov 2026 at 08:00Z.
const T0 = '2026-11-24T03:12:00Z';
const HANDOFF = '2026-11-30T08:00:00Z';
const JOB = 'handoff:dns:2026-11-30T08:00:00.000Z';

describe('a handoff is announced once even when Slack drops the connection after posting', () => {
  it('a dropped answer: the notifier finds its own post by the key in the message metadata and does not post again', async () => {
    const clock = new ManualClock(T0);
    const h = await startHarnessWith(['rota'], { clock, slackClock: clock, manualJobs: true });
    try {
      await rotaOnReady(h.bot, clock.now());
      // Slack stores the announcement, then the connection drops before the answer.
      const drop = h.slack.faults.acceptThenDrop('chat.postMessage', { times: 1 });
      clock.set(HANDOFF);
      await h.bot.jobRunner.runDue();
      expect(drop.hits).toBe(1);
      expect(h.slack.messages('k8s-infra-alerts').filter((m) => m.text?.includes('On call for DNS'))).toHaveLength(1);
      expect(h.slack.dms('U0DIMS001').filter((m) => m.text?.includes('DNS'))).toHaveLength(1);
      expect((await h.jobs.get(JOB))?.status).toBe('done');
    } finally {
      await h.stop();
    }
  });

  it('a run that failed after Slack posted (the answer lost, and Slack then failing too): its retry finds the post instead of repeating it', async () => {
    const clock = new ManualClock(T0);
    const h = await startHarnessWith(['rota'], { clock, slackClock: clock, manualJobs: true });
    try {
      await rotaOnReady(h.bot, clock.now());
      h.slack.faults.acceptThenDrop('chat.postMessage', { times: 1 });
      // The look-up after the dropped answer fails as well: the run ends in an error, as a kill would.
      h.slack.faults.httpError('conversations.history', 500, { times: 3 });
      clock.set(HANDOFF);
      await h.bot.jobRunner.runDue();
      const job = await h.jobs.get(JOB);
      expect(job?.status).toBe('pending');
      clock.set(job!.dueAt.toISOString());
      await h.bot.jobRunner.runDue();
      expect((await h.jobs.get(JOB))?.status).toBe('done');
      expect(h.slack.messages('k8s-infra-alerts').filter((m) => m.text?.includes('On call for DNS'))).toHaveLength(1);
    } finally {
      await h.stop();
    }
  });
});
