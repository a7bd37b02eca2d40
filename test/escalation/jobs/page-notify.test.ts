import { describe, expect, it } from 'vitest';
import { pageNotifyJob } from '../../../src/escalation/jobs/page-notify.ts';
import { pageStepJob } from '../../../src/escalation/jobs/page-step.ts';
import { acknowledgePage } from '../../../src/escalation/use-cases/acknowledge-page.ts';
import { raisePage } from '../../../src/escalation/use-cases/raise-page.ts';
import { REFERENCE, directory, minutesAfter } from '../domain/directory-fixture.ts';
import { fakeJobContext, inMemoryPaging, REQUEST } from '../in-memory-paging.ts';

async function raised() {
  const deps = inMemoryPaging(directory({ primary: 'priya', owners: ['sam'] }));
  const { page } = await raisePage(deps, REQUEST, REFERENCE);
  const keys = () => deps.pages.effectsOf(page.id, 'notify').map((n) => n.key);
  const notify = (key: string, now = REFERENCE) => pageNotifyJob.bind(deps).run({ key }, fakeJobContext({ id: `page-notify:${key}`, kind: 'page-notify' }, now));
  return { deps, pageId: page.id, keys, notify };
}

describe('the page-notify job', () => {
  it('DMs the person the page and records the DM as a message of the page, once', async () => {
    const { deps, pageId, keys, notify } = await raised();
    await notify(keys()[0]!);
    await notify(keys()[0]!); // Slack retried the job: nothing twice
    expect(deps.notifier.dms.map((d) => d.userId)).toEqual(['U0PRIYA01']);
    expect(deps.notifier.dms[0]!.message.text).toBe('[PAGE] registry (warning): image pulls failing');
    expect(await deps.pages.messages(pageId)).toEqual([{ pageId, channel: 'D-U0PRIYA01', ts: '1.000', kind: 'dm', personId: 'priya' }]);
    expect(deps.metrics.notifications).toEqual(['sent']);
  });

  it('drops a notification whose page was acknowledged after the step queued it', async () => {
    const { deps, pageId, keys, notify } = await raised();
    await notify(keys()[0]!);
    await pageStepJob.bind(deps).run({ pageId, stepSeq: 1 }, fakeJobContext({ id: `${pageId}:step:1`, kind: 'page-step' }, minutesAfter(REFERENCE, 5)));
    await acknowledgePage(deps, { pageId, by: 'priya' }, minutesAfter(REFERENCE, 5.1));
    await notify(keys()[1]!, minutesAfter(REFERENCE, 5.2));
    expect(deps.notifier.dms.map((d) => d.userId)).toEqual(['U0PRIYA01']);
    expect(deps.pages.outboxOf(pageId)).toEqual([
      { personId: 'priya', state: 'sent' },
      { personId: 'sam', state: 'dropped' },
    ]);
    expect(deps.metrics.notifications).toEqual(['sent', 'dropped']);
  });

  it('leaves the notification queued when the DM fails, so the job retries it', async () => {
    const { deps, pageId, keys, notify } = await raised();
    deps.notifier.failNextDm = true;
    await expect(notify(keys()[0]!)).rejects.toThrow('slack is down');
    expect(deps.pages.outboxOf(pageId)).toEqual([{ personId: 'priya', state: 'pending' }]);
    await notify(keys()[0]!);
    expect(deps.pages.outboxOf(pageId)).toEqual([{ personId: 'priya', state: 'sent' }]);
  });

  it('holds the page lock while sending: an acknowledgement on this replica waits for the DM in flight', async () => {
    const { deps, pageId, keys, notify } = await raised();
    let release!: () => void;
    deps.notifier.holdNextDm = new Promise((r) => (release = r));
    const order: string[] = [];
    const sending = notify(keys()[0]!).then(() => order.push('dm sent'));
    await new Promise((r) => setTimeout(r, 10));
    const acking = acknowledgePage(deps, { pageId, by: 'priya' }, minutesAfter(REFERENCE, 1)).then(() => order.push('acknowledged'));
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual([]);
    release();
    await Promise.all([sending, acking]);
    expect(order).toEqual(['dm sent', 'acknowledged']);
  });
});
