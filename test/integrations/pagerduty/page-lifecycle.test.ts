/**
 * The escalation core and the PagerDuty adapter together, the way the job runner will drive them:
 * carry out `pager` effects only while `pagerActionWanted`, record outcomes on the page, and apply
 * verified webhooks back to the page.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PagerEffect, Transition } from '../../../src/escalation/domain/effects.ts';
import { acknowledge, applyExternalPagerEvent, pagerActionWanted, startPage } from '../../../src/escalation/domain/escalation-engine.ts';
import type { Pager } from '../../../src/escalation/ports/pager.ts';
import type { PageState } from '../../../src/escalation/domain/page-state.ts';
import { recordPagerOutcome } from '../../../src/escalation/domain/record-pager-outcome.ts';
import { parsePagerDutyWebhook } from '../../../src/integrations/pagerduty/parse-webhook.ts';
import { createPagerDutyPager } from '../../../src/integrations/pagerduty/pagerduty-pager.ts';
import { signPagerDutyWebhook, verifyPagerDutySignature } from '../../../src/integrations/pagerduty/verify-webhook.ts';
import { REFERENCE, directory, minutesAfter } from '../../escalation/domain/directory-fixture.ts';
import type { FakePagerDuty } from './fake-pagerduty.ts';
import { startFakePagerDuty } from './fake-pagerduty.ts';
import { incidentWebhookBody } from './webhook-client.ts';

let fake: FakePagerDuty;
let pager: Pager;
beforeAll(async () => {
  fake = await startFakePagerDuty();
  pager = createPagerDutyPager({ eventsUrl: fake.url, routingKeyFor: () => 'R0UT1NGKEY', rateLimitRetryDelayMs: 1 });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const dir = directory({ primary: 'priya', owners: ['sam'] });

function open(): Transition {
  return startPage(
    {
      id: 'page-registry-0042',
      subprojectId: 'registry',
      severity: 'critical',
      summary: 'x'.repeat(2000),
      createdBy: 'nina',
      policy: { id: 'default', repeat: 0, steps: [{ targets: ['primary'], delayMinutes: 5 }] },
    },
    REFERENCE,
    dir,
  );
}

/** What the runner does with one pager effect. */
async function carryOut(state: PageState, effect: PagerEffect, now: Date): Promise<Transition> {
  if (!pagerActionWanted(state, effect.action)) return { state, effects: [] };
  const outcome = effect.action === 'trigger' ? await pager.trigger(effect.alert) : await pager[effect.action](effect.alert);
  return recordPagerOutcome(state, effect, outcome, now, { random: () => 0 });
}

const pagerEffects = (t: Transition) => t.effects.filter((e): e is PagerEffect => e.kind === 'pager');

describe('a page through PagerDuty and back', () => {
  it('triggers with a truncated summary, survives a rate limit, and takes an ack from a signed webhook', async () => {
    const opened = open();
    fake.answerAlways(429);
    const first = await carryOut(opened.state, pagerEffects(opened)[0]!, minutesAfter(REFERENCE, 0.1));
    expect(first.state.pager.trigger).toBe('retrying');
    const retry = pagerEffects(first)[0]!;
    expect(retry).toMatchObject({ attempt: 2, dueAt: '2026-11-24T03:12:11.000Z' });

    fake.answerAlways(undefined);
    const second = await carryOut(first.state, retry, new Date(retry.dueAt!));
    expect(second.state.pager.trigger).toBe('ok');
    expect(second.state.timeline.at(-1)!.text).toBe('PagerDuty trigger accepted (202); summary truncated to 1024 characters there, full text here');
    expect(second.state.summary).toHaveLength(2000);
    expect(fake.alerts.get('page-registry-0042')!.summary.length).toBe(1024);

    // Someone acknowledges in the PagerDuty app; PagerDuty calls our webhook.
    const raw = incidentWebhookBody({ eventType: 'incident.acknowledged', incidentKey: 'page-registry-0042', agentName: 'Priya Raman' });
    const header = signPagerDutyWebhook(raw, ['whsec-1']);
    expect(verifyPagerDutySignature(raw, header, ['whsec-1']).ok).toBe(true);
    const parsed = parsePagerDutyWebhook(raw, minutesAfter(REFERENCE, 8));
    if (parsed.kind !== 'event') throw new Error(`expected an event, got ${parsed.kind}`);
    const applied = applyExternalPagerEvent(second.state, parsed.event, minutesAfter(REFERENCE, 8));
    if (applied.kind !== 'applied') throw new Error(applied.reason);
    expect(applied.result.state.status).toBe('acknowledged');
    // Not echoed back to PagerDuty.
    expect(pagerEffects(applied.result)).toEqual([]);

    // The same webhook delivered twice is harmless.
    const again = applyExternalPagerEvent(applied.result.state, parsed.event, minutesAfter(REFERENCE, 9));
    expect(again.kind === 'applied' && again.result.kind).toBe('already-acknowledged');
  });

  it('tells PagerDuty about an ack made in Slack, and drops a stale trigger retry', async () => {
    const opened = open();
    const triggered = await carryOut(opened.state, pagerEffects(opened)[0]!, REFERENCE);
    const acked = acknowledge(triggered.state, 'priya', minutesAfter(REFERENCE, 1));
    if (acked.kind !== 'acknowledged') throw new Error(acked.kind);
    const done = await carryOut(acked.state, pagerEffects(acked)[0]!, minutesAfter(REFERENCE, 1));
    expect(done.state.pager.acknowledge).toBe('ok');
    expect(fake.alerts.get('page-registry-0042')!.status).toBe('acknowledged');

    // A trigger retry that comes due after the ack must not re-open anything.
    const staleRetry: PagerEffect = { ...pagerEffects(opened)[0]!, attempt: 2 };
    const before = fake.requests.length;
    const noop = await carryOut(done.state, staleRetry, minutesAfter(REFERENCE, 2));
    expect(noop.state).toBe(done.state);
    expect(fake.requests.length).toBe(before);
  });

  it('records a 400 as permanent and sends no ack or resolve for an alert PagerDuty never opened', async () => {
    const opened = open();
    fake.answerNext(400);
    const rejected = await carryOut(opened.state, pagerEffects(opened)[0]!, REFERENCE);
    expect(rejected.effects).toEqual([]);
    expect(rejected.state.pager.trigger).toBe('failed');
    expect(rejected.state.timeline.at(-1)!.text).toBe('PagerDuty rejected trigger (400): Event object is invalid; scripted 400; not retried');
    const acked = acknowledge(rejected.state, 'priya', minutesAfter(REFERENCE, 1));
    expect(acked.effects.map((e) => e.kind)).toEqual(['cancel-next-step']);
  });

  it('answers "ignored" for a webhook about an incident that is not one of our pages', () => {
    const raw = incidentWebhookBody({ eventType: 'incident.resolved', incidentKey: 'someone-elses-alert' });
    const parsed = parsePagerDutyWebhook(raw, REFERENCE);
    if (parsed.kind !== 'event') throw new Error(parsed.kind);
    expect(applyExternalPagerEvent(undefined, parsed.event, REFERENCE)).toEqual({ kind: 'ignored', reason: 'no page with id someone-elses-alert' });
  });
});
