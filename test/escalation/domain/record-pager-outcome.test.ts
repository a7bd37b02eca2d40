import { describe, expect, it } from 'vitest';
import type { PagerEffect } from '../../../src/escalation/domain/effects.ts';
import { startPage } from '../../../src/escalation/domain/escalation-engine.ts';
import { recordPagerOutcome } from '../../../src/escalation/domain/record-pager-outcome.ts';
import { REFERENCE, directory, minutesAfter } from './directory-fixture.ts';

const { state, effects } = startPage(
  {
    id: 'page-1',
    subprojectId: 'registry',
    severity: 'error',
    summary: 's',
    createdBy: 'nina',
    policy: { id: 'p', repeat: 0, steps: [{ targets: ['owners'], delayMinutes: 5 }] },
  },
  REFERENCE,
  directory({ owners: ['priya'] }),
);
const trigger = effects.find((e): e is PagerEffect => e.kind === 'pager')!;
const now = minutesAfter(REFERENCE, 0.5);

describe('recordPagerOutcome', () => {
  it('records success, noting a truncated summary', () => {
    const t = recordPagerOutcome(state, trigger, { kind: 'ok', status: 202, summaryTruncated: true }, now);
    expect(t.effects).toEqual([]);
    expect(t.state.pager.trigger).toBe('ok');
    expect(t.state.version).toBe(state.version + 1);
    expect(t.state.timeline.at(-1)).toEqual({
      at: '2026-11-24T03:12:30.000Z',
      kind: 'pager',
      text: 'PagerDuty trigger accepted (202); summary truncated to 1024 characters there, full text here',
    });
  });

  it('schedules a retry for a retryable failure, then gives up after the last attempt', () => {
    const t = recordPagerOutcome(state, trigger, { kind: 'retryable', status: 429, message: 'rate limited' }, now, { random: () => 0 });
    expect(t.state.pager.trigger).toBe('retrying');
    expect(t.effects).toEqual([{ ...trigger, key: 'page-1:pager:trigger:2', attempt: 2, dueAt: '2026-11-24T03:12:35.000Z' }]);
    expect(t.state.timeline.at(-1)!.text).toBe('PagerDuty trigger failed (429: rate limited); attempt 2 at 2026-11-24T03:12:35.000Z');

    const last: PagerEffect = { ...trigger, attempt: 8 };
    const gaveUp = recordPagerOutcome(state, last, { kind: 'retryable', message: 'no answer within 10000 ms' }, now);
    expect(gaveUp.effects).toEqual([]);
    expect(gaveUp.state.pager.trigger).toBe('failed');
    expect(gaveUp.state.timeline.at(-1)!.text).toBe('PagerDuty trigger failed (no response: no answer within 10000 ms); giving up after 8 attempts');
  });

  it('honours Retry-After as a floor', () => {
    const t = recordPagerOutcome(state, trigger, { kind: 'retryable', status: 429, message: 'x', retryAfterMs: 60_000 }, now, { random: () => 0 });
    expect(t.effects[0]).toMatchObject({ dueAt: '2026-11-24T03:13:30.000Z' });
  });

  it('records a 400 on the timeline and never retries it', () => {
    const t = recordPagerOutcome(state, trigger, { kind: 'permanent', status: 400, message: 'Event object is invalid; payload.summary is missing' }, now);
    expect(t.effects).toEqual([]);
    expect(t.state.pager.trigger).toBe('failed');
    expect(t.state.timeline.at(-1)!.text).toBe('PagerDuty rejected trigger (400): Event object is invalid; payload.summary is missing; not retried');
  });

  it('records a skipped call', () => {
    const t = recordPagerOutcome(state, trigger, { kind: 'skipped', message: 'no PagerDuty routing key configured for registry' }, now);
    expect(t.state.pager.trigger).toBe('skipped');
    expect(t.state.timeline.at(-1)!.text).toBe('PagerDuty trigger not sent: no PagerDuty routing key configured for registry');
  });
});
