import { describe, expect, it } from 'vitest';
import { pageNotifyJob } from '../../../src/escalation/jobs/page-notify.ts';
import { pageStepJob } from '../../../src/escalation/jobs/page-step.ts';
import { acknowledgePage } from '../../../src/escalation/use-cases/acknowledge-page.ts';
import { raisePage } from '../../../src/escalation/use-cases/raise-page.ts';
import { REFERENCE, directory, minutesAfter } from '../domain/directory-fixture.ts';
import { fakeJobContext, inMemoryPaging, person, REQUEST } from '../in-memory-paging.ts';

async function raised() {
  const deps = inMemoryPaging(directory({ primary: 'priya', owners: ['sam'] }));
  const { page } = await raisePage(deps, REQUEST, REFERENCE);
  const keys = () => deps.pages.effectsOf(page.id, 'notify').map((n) => n.key);
  const notify = (key: string, now = REFERENCE, attempts = 1) => {
    const ctx = fakeJobContext({ id: `page-notify:${key}`, kind: 'page-notify' }, now);
    return pageNotifyJob.bind(deps).run({ key }, { ...ctx, job: { ...ctx.job, attempts } });
  };
  return { deps, pageId: page.id, keys, notify };
}

describe('the page-notify job', () => {
  it('DMs the person the page, keyed, and records the DM as a message of the page, once', async () => {
    const { deps, pageId, keys, notify } = await raised();
    await notify(keys()[0]!);
    await notify(keys()[0]!); // the job ran again: nothing twice
    expect(deps.notifier.dms.map((d) => [d.userId, d.key])).toEqual([['U0PRIYA01', `page-notify:${keys()[0]}`]]);
    expect(deps.notifier.dms[0]!.message.text).toBe('[PAGE] registry (warning): image pulls failing');
    expect(await deps.pages.messages(pageId)).toEqual([{ pageId, channel: 'D-U0PRIYA01', ts: '1.000', kind: 'dm', personId: 'priya' }]);
    expect(deps.metrics.notifications).toEqual(['sent']);
  });

  it('drops a notification whose page was acknowledged after the step queued it', async () => {
    const { deps, pageId, keys, notify } = await raised();
    await notify(keys()[0]!);
    await pageStepJob.bind(deps).run({ pageId, stepSeq: 1 }, fakeJobContext({ id: `${pageId}:step:1`, kind: 'page-step' }, minutesAfter(REFERENCE, 5)));
    await acknowledgePage(deps, { pageId, actor: person('priya') }, minutesAfter(REFERENCE, 5.1));
    await notify(keys()[1]!, minutesAfter(REFERENCE, 5.2));
    expect(deps.notifier.dms.map((d) => d.userId)).toEqual(['U0PRIYA01']);
    expect(deps.pages.outboxOf(pageId)).toEqual([
      { personId: 'priya', state: 'sent' },
      { personId: 'sam', state: 'dropped' },
    ]);
    expect(deps.metrics.notifications).toEqual(['sent', 'dropped']);
  });

  it('keeps the notification to send when the DM fails, so the job retries it', async () => {
    const { deps, pageId, keys, notify } = await raised();
    deps.notifier.failNextDm = true;
    await expect(notify(keys()[0]!)).rejects.toThrow('slack is down');
    expect(deps.pages.outboxOf(pageId)).toEqual([{ personId: 'priya', state: 'sending' }]);
    await notify(keys()[0]!, REFERENCE, 2);
    expect(deps.pages.outboxOf(pageId)).toEqual([{ personId: 'priya', state: 'sent' }]);
    expect(deps.notifier.dms).toHaveLength(1);
  });

  it('does not double a DM whose answer was lost after Slack accepted it: the retry finds it by its key', async () => {
    const { deps, pageId, keys, notify } = await raised();
    deps.notifier.dropNextDmAnswer = true;
    await expect(notify(keys()[0]!)).rejects.toThrow('socket hang up');
    await notify(keys()[0]!, REFERENCE, 2);
    expect(deps.notifier.dms).toHaveLength(1);
    expect(await deps.pages.messages(pageId)).toHaveLength(1);
  });

  it('holds nothing while sending: an acknowledgement commits while the DM is in flight, and the DM is brought up to date right after', async () => {
    const { deps, pageId, keys, notify } = await raised();
    let release!: () => void;
    deps.notifier.holdNextDm = new Promise((r) => (release = r));
    const order: string[] = [];
    const sending = notify(keys()[0]!).then(() => order.push('dm recorded'));
    await new Promise((r) => setTimeout(r, 10));
    await acknowledgePage(deps, { pageId, actor: person('priya') }, minutesAfter(REFERENCE, 1)).then(() => order.push('acknowledged'));
    expect(order).toEqual(['acknowledged']);
    release();
    await sending;
    expect(order).toEqual(['acknowledged', 'dm recorded']);
    // Recording saw the acknowledgement: the page's messages, this DM included, are synced at once.
    expect(deps.pages.syncsAfterDelivery).toEqual([pageId]);
    expect((await deps.pages.messages(pageId)).map((m) => m.kind)).toEqual(['dm']);
  });

  it('after an acknowledgement, keeps a DM an earlier attempt may have sent (to show it acknowledged) and sends nothing new', async () => {
    const { deps, pageId, keys, notify } = await raised();
    deps.notifier.dropNextDmAnswer = true;
    await expect(notify(keys()[0]!)).rejects.toThrow('socket hang up');
    await acknowledgePage(deps, { pageId, actor: person('priya') }, minutesAfter(REFERENCE, 1));
    await notify(keys()[0]!, minutesAfter(REFERENCE, 1), 2);
    expect(deps.notifier.dms).toHaveLength(1);
    expect(deps.pages.outboxOf(pageId)).toEqual([{ personId: 'priya', state: 'sent' }]);
    expect(deps.pages.syncsAfterDelivery).toEqual([pageId]);
  });

  it('after an acknowledgement, drops a notification whose earlier attempt failed before Slack took it', async () => {
    const { deps, pageId, keys, notify } = await raised();
    deps.notifier.failNextDm = true;
    await expect(notify(keys()[0]!)).rejects.toThrow('slack is down');
    await acknowledgePage(deps, { pageId, actor: person('priya') }, minutesAfter(REFERENCE, 1));
    await notify(keys()[0]!, minutesAfter(REFERENCE, 1), 2);
    expect(deps.notifier.dms).toHaveLength(0);
    expect(deps.pages.outboxOf(pageId)).toEqual([{ personId: 'priya', state: 'dropped' }]);
  });

  it('fences off a second run of the job (its lease was lost while the first was sending): it waits, nothing is sent twice', async () => {
    const { deps, keys, notify } = await raised();
    let release!: () => void;
    deps.notifier.holdNextDm = new Promise((r) => (release = r));
    const first = notify(keys()[0]!);
    await new Promise((r) => setTimeout(r, 10));
    await expect(notify(keys()[0]!, REFERENCE, 2)).rejects.toThrow('is being sent by another run of this job');
    release();
    await first;
    await notify(keys()[0]!, REFERENCE, 3);
    expect(deps.notifier.dms).toHaveLength(1);
  });
});