import { describe, expect, it } from 'vitest';
import { acknowledge, escalateNow, resolve, startPage } from '../../../src/escalation/domain/escalation-engine.ts';
import { pageMetrics, timeToAcknowledgeSeconds, timeToResolveSeconds } from '../../../src/escalation/domain/page-metrics.ts';
import { REFERENCE, directory, minutesAfter } from './directory-fixture.ts';

const dir = directory({ primary: 'priya', owners: ['sam'] });
const policy = { id: 'p', repeat: 0, steps: [{ targets: ['primary' as const], delayMinutes: 5 }, { targets: ['owners' as const], delayMinutes: 5 }] };
const open = () => startPage({ id: 'page-1', subprojectId: 'registry', severity: 'error', summary: 's', createdBy: 'nina', policy }, REFERENCE, dir).state;

describe('page metrics', () => {
  it('measure time to acknowledge and to resolve from the page state', () => {
    let page = open();
    expect(timeToAcknowledgeSeconds(page)).toBeUndefined();
    const escalated = escalateNow(page, minutesAfter(REFERENCE, 1), dir, 'nina');
    page = escalated.state;
    page = acknowledge(page, 'sam', new Date('2026-11-24T03:14:05Z')).state;
    page = resolve(page, 'sam', new Date('2026-11-24T04:12:00Z')).state;
    expect(timeToAcknowledgeSeconds(page)).toBe(125);
    expect(timeToResolveSeconds(page)).toBe(3600);
    expect(pageMetrics(page)).toEqual({
      timeToAcknowledgeSeconds: 125,
      timeToResolveSeconds: 3600,
      notifications: 2,
      stepReached: 2,
      pass: 1,
      escalatedManually: 1,
      exhausted: false,
    });
  });

  it('leave time to acknowledge out for a page resolved without an ack', () => {
    const page = resolve(open(), 'sam', minutesAfter(REFERENCE, 3)).state;
    expect(pageMetrics(page)).toMatchObject({ timeToResolveSeconds: 180, notifications: 1 });
    expect(pageMetrics(page).timeToAcknowledgeSeconds).toBeUndefined();
  });
});
