import { describe, expect, it } from 'vitest';
import { admitPageRequest, PAGE_REQUEST_WINDOW_MS } from '../../../src/escalation/domain/page-requests.ts';
import { joinPage } from '../../../src/escalation/domain/join-page.ts';
import { resolve, startPage } from '../../../src/escalation/domain/escalation-engine.ts';
import { REFERENCE, directory, minutesAfter } from './directory-fixture.ts';

const now = REFERENCE;
const ago = (minutes: number) => now.getTime() - minutes * 60_000;

describe('who may raise a page, how often', () => {
  it('always lets people in the config page', () => {
    expect(admitPageRequest({ kind: 'person', id: 'nina' }, Array.from({ length: 50 }, (_, i) => ago(i)), 3, now)).toEqual({ admitted: true });
  });

  it('lets someone not in the config page `limit` times an hour, and says when they may again', () => {
    const stranger = { kind: 'stranger', slackId: 'U0STRANGER' } as const;
    expect(admitPageRequest(stranger, [ago(50), ago(10)], 3, now)).toEqual({ admitted: true });
    expect(admitPageRequest(stranger, [ago(50), ago(20), ago(10)], 3, now)).toEqual({ admitted: false, count: 3, limit: 3, retryAt: new Date(ago(50) + PAGE_REQUEST_WINDOW_MS) });
    // Requests older than the hour no longer count.
    expect(admitPageRequest(stranger, [ago(61), ago(70), ago(10), ago(5)], 3, now)).toEqual({ admitted: true });
  });
});

describe('joining an open page', () => {
  const open = startPage({ id: 'page-1', subprojectId: 'registry', severity: 'warning', summary: 's', createdBy: 'nina', policy: { id: 'p', repeat: 0, steps: [{ targets: ['primary'], delayMinutes: 5 }] }, usePager: false }, REFERENCE, directory({ primary: 'priya' })).state;
  const report = { key: 'command:T2', by: 'U0STRANGER', severity: 'critical' as const, summary: 'registry down for me too', details: 'from eu-west' };

  it('adds the report to the timeline, wakes nobody, and adds it once per request', () => {
    const joined = joinPage(open, report, minutesAfter(REFERENCE, 1));
    expect(joined.kind).toBe('joined');
    expect(joined.effects).toEqual([]);
    expect(joined.state.version).toBe(open.version + 1);
    expect(joined.state.timeline.at(-1)).toMatchObject({ kind: 'reported', text: 'also reported by @U0STRANGER (severity critical): registry down for me too (details: from eu-west)', reportKey: 'command:T2' });
    expect(joinPage(joined.state, report, minutesAfter(REFERENCE, 2))).toEqual({ kind: 'already-joined', state: joined.state, effects: [] });
  });

  it('does not join a page resolved meanwhile', () => {
    expect(joinPage(resolve(open, 'priya', REFERENCE).state, report, REFERENCE).kind).toBe('closed');
  });
});
