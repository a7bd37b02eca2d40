import { describe, expect, it } from 'vitest';
import type { EscalationEffect, NotifyEffect } from '../../../src/escalation/domain/effects.ts';
import {
  acknowledge,
  applyExternalPagerEvent,
  escalateNow,
  fireStep,
  pagerActionWanted,
  resolve,
  startPage,
} from '../../../src/escalation/domain/escalation-engine.ts';
import type { StartPageInput } from '../../../src/escalation/domain/escalation-engine.ts';
import type { PageState } from '../../../src/escalation/domain/page-state.ts';
import type { EscalationPolicy } from '../../../src/escalation/domain/policy-schema.ts';
import { REFERENCE, directory, minutesAfter } from './directory-fixture.ts';

const defaultPolicy: EscalationPolicy = {
  id: 'default',
  repeat: 0,
  steps: [
    { targets: ['primary'], delayMinutes: 5 },
    { targets: ['secondary', 'owners'], delayMinutes: 10 },
    { targets: ['leads', { person: 'thockin' }], delayMinutes: 15 },
  ],
};

function input(overrides: Partial<StartPageInput> = {}): StartPageInput {
  return {
    id: 'page-registry-0001',
    subprojectId: 'registry',
    severity: 'warning',
    summary: 'registry.k8s.io returns 503 in europe-west1',
    details: 'Uptime check failing since 03:05Z',
    createdBy: 'nina',
    policy: defaultPolicy,
    ...overrides,
  };
}

// Same shape without the named person, so an empty directory really names nobody.
const rolesOnly: EscalationPolicy = { ...defaultPolicy, id: 'roles', steps: defaultPolicy.steps.map((s, i) => (i === 2 ? { ...s, targets: ['leads'] } : s)) };

const notified = (effects: EscalationEffect[]): string[] =>
  effects.filter((e): e is NotifyEffect => e.kind === 'notify').map((e) => e.personId);
const texts = (state: PageState, from = 0): string[] => state.timeline.slice(from).map((e) => e.text);

// primary bernd (Berlin, asleep), secondary priya (Kolkata, awake), owners, leads sam (Sydney, awake) and nina (New York, evening).
const dir = directory({ primary: 'bernd', secondary: 'priya', owners: ['bernd', 'lucy', 'priya'], leads: ['sam', 'nina'] });

describe('a three-step escalation across timezones', () => {
  it('walks the steps, skipping people outside their hours, until the policy is exhausted', () => {
    const started = startPage(input(), REFERENCE, dir);
    let page = started.state;
    // Step 1: bernd is the only one at the step, so he is woken even though it is 04:12 in Berlin.
    expect(notified(started.effects)).toEqual(['bernd']);
    expect(started.effects.map((e) => e.kind)).toEqual(['pager', 'notify', 'schedule-next-step']);
    expect(started.effects.find((e) => e.kind === 'schedule-next-step')).toEqual({
      kind: 'schedule-next-step',
      key: 'page-registry-0001:step:1',
      pageId: 'page-registry-0001',
      dueAt: '2026-11-24T03:17:00.000Z',
      stepSeq: 1,
    });
    expect(page).toMatchObject({ status: 'triggered', stepIndex: 0, pass: 1, stepSeq: 1, version: 1, nextStepDueAt: '2026-11-24T03:17:00.000Z' });
    expect(texts(page)).toEqual([
      'page triggered by @nina for registry (severity warning, policy default): registry.k8s.io returns 503 in europe-west1',
      'notified @bernd outside working hours: nobody at step 1 is within working hours (04:12 in Europe/Berlin)',
      'step 1: next step at 2026-11-24T03:17:00.000Z (5 min) unless acknowledged',
    ]);

    // Step 2 at 03:17: priya is at work in Kolkata; lucy (LA, evening) is skipped; bernd was already paged.
    const t2 = minutesAfter(REFERENCE, 5);
    const second = fireStep(page, t2, dir, { stepSeq: 1 });
    expect(notified(second.effects)).toEqual(['priya']);
    expect(texts(second.state, page.timeline.length)).toEqual([
      'notified @priya: 08:47 in Asia/Kolkata, working hours',
      'skipped @lucy: 19:17 in America/Los_Angeles, severity warning',
      'not re-notified @bernd: already notified at step 1 of this pass',
      'step 2: next step at 2026-11-24T03:27:00.000Z (10 min) unless acknowledged',
    ]);
    page = second.state;

    // Step 3 at 03:27: sam in Sydney is at work; nina (New York 22:27) and thockin (LA) are skipped.
    const third = fireStep(page, minutesAfter(REFERENCE, 15), dir, { stepSeq: 2 });
    expect(notified(third.effects)).toEqual(['sam']);
    expect(texts(third.state, page.timeline.length)).toEqual([
      'notified @sam: 14:27 in Australia/Sydney, working hours',
      'skipped @nina: 22:27 in America/New_York, severity warning',
      'skipped @thockin: 19:27 in America/Los_Angeles, severity warning',
      'step 3: policy exhausted at 2026-11-24T03:42:00.000Z (15 min) unless acknowledged',
    ]);
    page = third.state;

    const end = fireStep(page, minutesAfter(REFERENCE, 30), dir, { stepSeq: 3 });
    expect(end.effects).toEqual([{ kind: 'policy-exhausted', pageId: 'page-registry-0001', passes: 1, reason: 'nobody-acknowledged' }]);
    expect(end.state.exhaustedAt).toBe('2026-11-24T03:42:00.000Z');
    expect(end.state.status).toBe('triggered');
    expect(texts(end.state).at(-1)).toBe('escalation policy default exhausted after 1 pass: nobody acknowledged');
    // Nothing more to fire, but it can still be acknowledged.
    expect(fireStep(end.state, minutesAfter(REFERENCE, 60), dir).noop).toBe('escalation policy already exhausted');
    expect(acknowledge(end.state, 'lucy', minutesAfter(REFERENCE, 61)).kind).toBe('acknowledged');
  });

  it('asks the on-call lookup with the time each step fires, so a handoff between steps is honoured', () => {
    const lookup = directory({ primary: 'bernd', secondary: 'priya' });
    const { state } = startPage(input(), REFERENCE, lookup);
    fireStep(state, minutesAfter(REFERENCE, 5), lookup);
    expect(lookup.calls.map((c) => `${c.role}@${c.now}`)).toEqual(['primary@2026-11-24T03:12:00.000Z', 'secondary@2026-11-24T03:17:00.000Z']);
  });

  it('wakes everyone at each step for a critical page', () => {
    const { state, effects } = startPage(input({ severity: 'critical' }), REFERENCE, dir);
    expect(notified(effects)).toEqual(['bernd']);
    const second = fireStep(state, minutesAfter(REFERENCE, 5), dir);
    expect(notified(second.effects)).toEqual(['priya', 'lucy']);
    expect(second.state.timeline.find((e) => e.personId === 'lucy')!.text).toBe(
      'notified @lucy outside working hours: 19:17 in America/Los_Angeles, severity critical',
    );
  });
});

describe('steps that name nobody', () => {
  it('go straight on to the next step instead of waiting out their delay', () => {
    const empty = directory({ owners: ['priya'] });
    const { state, effects } = startPage(input(), REFERENCE, empty);
    expect(notified(effects)).toEqual(['priya']);
    expect(state.stepIndex).toBe(1);
    expect(texts(state).slice(1)).toEqual([
      'step 1: nobody on call as primary for registry',
      'step 1: nobody on call for registry, going on to step 2',
      'step 2: nobody on call as secondary for registry',
      'notified @priya: 08:42 in Asia/Kolkata, working hours',
      'step 2: next step at 2026-11-24T03:22:00.000Z (10 min) unless acknowledged',
    ]);
    expect(state.timeline[2]).toMatchObject({ kind: 'step-empty', step: 1, pass: 1 });
  });

  it('end in exhaustion, saying nobody could be notified, when the whole policy is empty', () => {
    const { state, effects } = startPage(input({ usePager: false, policy: rolesOnly }), REFERENCE, directory());
    expect(effects).toEqual([{ kind: 'policy-exhausted', pageId: 'page-registry-0001', passes: 1, reason: 'nobody-to-notify' }]);
    expect(texts(state).filter((t) => t.includes('going on') || t.includes('no steps left') || t.includes('exhausted'))).toEqual([
      'step 1: nobody on call for registry, going on to step 2',
      'step 2: nobody on call for registry, going on to step 3',
      'step 3: nobody on call for registry, no steps left',
      'escalation policy roles exhausted: it named nobody who could be notified',
    ]);
  });

  it('treat a step whose people were all notified earlier in the pass as empty', () => {
    const policy: EscalationPolicy = {
      id: 'p',
      repeat: 0,
      steps: [
        { targets: ['owners'], delayMinutes: 5 },
        { targets: ['primary'], delayMinutes: 5 },
        { targets: ['leads'], delayMinutes: 5 },
      ],
    };
    const d = directory({ primary: 'priya', owners: ['priya'], leads: ['sam'] });
    const { state } = startPage(input({ policy }), REFERENCE, d);
    const next = fireStep(state, minutesAfter(REFERENCE, 5), d);
    expect(notified(next.effects)).toEqual(['sam']);
    expect(texts(next.state, state.timeline.length).slice(0, 2)).toEqual([
      'not re-notified @priya: already notified at step 1 of this pass',
      'step 2: everyone at this step (@priya) was already notified on this pass, going on to step 3',
    ]);
  });
});

describe('repeat passes', () => {
  it('run the steps again, notifying everyone again, then exhaust after repeat + 1 passes', () => {
    const policy: EscalationPolicy = {
      id: 'twice',
      repeat: 1,
      steps: [
        { targets: ['primary'], delayMinutes: 5 },
        { targets: ['owners'], delayMinutes: 5 },
      ],
    };
    const d = directory({ primary: 'priya', owners: ['priya', 'sam'] });
    let t = startPage(input({ policy }), REFERENCE, d);
    const rounds: string[][] = [notified(t.effects)];
    for (let i = 1; i <= 4; i++) {
      t = fireStep(t.state, minutesAfter(REFERENCE, 5 * i), d, { stepSeq: t.state.stepSeq });
      rounds.push(notified(t.effects));
    }
    // pass 1: priya, then sam (priya not re-notified); pass 2: priya again, then sam; then exhausted.
    expect(rounds).toEqual([['priya'], ['sam'], ['priya'], ['sam'], []]);
    expect(t.effects).toEqual([{ kind: 'policy-exhausted', pageId: 'page-registry-0001', passes: 2, reason: 'nobody-acknowledged' }]);
    expect(t.state.timeline.filter((e) => e.kind === 'pass-started').map((e) => e.text)).toEqual([
      'pass 2 of 2: starting again at step 1, everyone is notified again',
    ]);
    expect(t.state.notifications.map((n) => `${n.pass}.${n.step}:${n.personId}`)).toEqual(['1.1:priya', '1.2:sam', '2.1:priya', '2.2:sam']);
  });

  it('say "going on to pass 2" when the last step of a pass is empty', () => {
    const policy: EscalationPolicy = { id: 'r', repeat: 1, steps: [{ targets: ['owners'], delayMinutes: 5 }, { targets: ['secondary'], delayMinutes: 5 }] };
    const d = directory({ owners: ['sam'] });
    const { state } = startPage(input({ policy }), REFERENCE, d);
    const next = fireStep(state, minutesAfter(REFERENCE, 5), d);
    expect(notified(next.effects)).toEqual(['sam']);
    expect(texts(next.state)).toContain('step 2: nobody on call for registry, going on to pass 2, step 1');
    expect(next.state).toMatchObject({ pass: 2, stepIndex: 0 });
  });
});

describe('acknowledge', () => {
  it('is idempotent: the second acknowledgement says who was first and does nothing', () => {
    const { state } = startPage(input(), REFERENCE, dir);
    const first = acknowledge(state, 'bernd', minutesAfter(REFERENCE, 2));
    expect(first.kind).toBe('acknowledged');
    expect(first.effects.map((e) => e.kind)).toEqual(['cancel-next-step', 'pager']);
    expect(first.state).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'bernd', acknowledgedAt: '2026-11-24T03:14:00.000Z', version: 2 });
    expect(first.state.nextStepDueAt).toBeUndefined();

    const second = acknowledge(first.state, 'priya', minutesAfter(REFERENCE, 3));
    expect(second).toMatchObject({
      kind: 'already-acknowledged',
      alreadyAcknowledgedBy: 'bernd',
      at: '2026-11-24T03:14:00.000Z',
      message: 'already acknowledged by @bernd at 2026-11-24T03:14:00.000Z',
      effects: [],
    });
    expect(second.state).toBe(first.state);
  });

  it('is refused on a resolved page', () => {
    const { state } = startPage(input(), REFERENCE, dir);
    const resolved = resolve(state, 'lucy', minutesAfter(REFERENCE, 1));
    const ack = acknowledge(resolved.state, 'bernd', minutesAfter(REFERENCE, 2));
    expect(ack).toMatchObject({
      kind: 'refused',
      message: 'page page-registry-0001 is already resolved (by @lucy at 2026-11-24T03:13:00.000Z); nothing to acknowledge',
      effects: [],
    });
  });

  it('stops further steps: a step job that comes due after the ack is a no-op', () => {
    const { state } = startPage(input(), REFERENCE, dir);
    const acked = acknowledge(state, 'bernd', minutesAfter(REFERENCE, 2)).state;
    expect(fireStep(acked, minutesAfter(REFERENCE, 5), dir, { stepSeq: 1 })).toEqual({ state: acked, effects: [], noop: 'page is acknowledged' });
  });
});

describe('resolve', () => {
  it('resolves a triggered or acknowledged page (who may is a question for the policy: page-permissions)', () => {
    const { state } = startPage(input(), REFERENCE, dir);
    expect(resolve(state, 'lucy', REFERENCE).kind).toBe('resolved');
    const acked = acknowledge(state, 'thockin', minutesAfter(REFERENCE, 1)).state;
    expect(resolve(acked, 'thockin', minutesAfter(REFERENCE, 30)).state).toMatchObject({ status: 'resolved', resolvedBy: 'thockin', resolvedVia: 'slack' });
  });

  it('is idempotent and tells the pager once', () => {
    const { state } = startPage(input(), REFERENCE, dir);
    const first = resolve(state, 'lucy', minutesAfter(REFERENCE, 30));
    expect(first.effects.map((e) => (e.kind === 'pager' ? `pager:${e.action}` : e.kind))).toEqual(['cancel-next-step', 'pager:resolve']);
    const again = resolve(first.state, 'sam', minutesAfter(REFERENCE, 31));
    expect(again).toMatchObject({ kind: 'already-resolved', resolvedBy: 'lucy', at: '2026-11-24T03:42:00.000Z', effects: [] });
  });
});

describe('escalateNow', () => {
  it('runs the next step at once and makes the pending step job stale', () => {
    const { state } = startPage(input(), REFERENCE, dir);
    const now = minutesAfter(REFERENCE, 1);
    const result = escalateNow(state, now, dir, 'nina');
    expect(result.kind).toBe('escalated');
    expect(notified(result.effects)).toEqual(['priya']);
    expect(result.state.timeline.find((e) => e.kind === 'escalated')!.text).toBe('@nina escalated to the next step now');
    expect(result.state.nextStepDueAt).toBe('2026-11-24T03:23:00.000Z');
    // The job scheduled by startPage (stepSeq 1) must not fire step 3 early.
    expect(fireStep(result.state, minutesAfter(REFERENCE, 5), dir, { stepSeq: 1 }).noop).toBe('stale step job (stepSeq 1, page at 2)');
    expect(fireStep(result.state, minutesAfter(REFERENCE, 11), dir, { stepSeq: 2 }).effects.some((e) => e.kind === 'notify')).toBe(true);
  });

  it('is refused once acknowledged or exhausted', () => {
    const { state } = startPage(input(), REFERENCE, dir);
    const acked = acknowledge(state, 'bernd', REFERENCE).state;
    expect(escalateNow(acked, REFERENCE, dir, 'nina')).toMatchObject({ kind: 'refused', message: 'page page-registry-0001 is already acknowledged by @bernd' });
    const exhausted = startPage(input({ usePager: false, policy: rolesOnly }), REFERENCE, directory()).state;
    expect(escalateNow(exhausted, REFERENCE, dir, 'nina').kind).toBe('refused');
  });

  it('is one step per click: a click made on step 1 after the page moved on says where it is and changes nothing', () => {
    const { state } = startPage(input(), REFERENCE, dir);
    const seen = state.stepSeq;
    const first = escalateNow(state, minutesAfter(REFERENCE, 1), dir, 'nina', seen);
    expect(first.kind).toBe('escalated');
    // The same click delivered again, a double click, or a second person looking at the same message.
    const again = escalateNow(first.state, minutesAfter(REFERENCE, 1), dir, 'nina', seen);
    expect(again).toMatchObject({ kind: 'already-escalated', step: 2, pass: 1, message: 'already escalated to step 2', effects: [] });
    expect(again.state).toBe(first.state);
    // A click on the updated message (it shows step 2) escalates again.
    expect(escalateNow(first.state, minutesAfter(REFERENCE, 2), dir, 'nina', first.state.stepSeq).kind).toBe('escalated');
  });
});

describe('pager effects', () => {
  it('trigger on start, unless the subproject has no pager', () => {
    const withPager = startPage(input(), REFERENCE, dir);
    const pager = withPager.effects[0];
    expect(pager).toMatchObject({ kind: 'pager', action: 'trigger', attempt: 1, key: 'page-registry-0001:pager:trigger:1' });
    expect(pager && pager.kind === 'pager' ? pager.alert : undefined).toEqual({
      pageId: 'page-registry-0001',
      subprojectId: 'registry',
      severity: 'warning',
      summary: 'registry.k8s.io returns 503 in europe-west1',
      details: 'Uptime check failing since 03:05Z',
      createdAt: '2026-11-24T03:12:00.000Z',
      createdBy: 'nina',
    });
    const without = startPage(input({ usePager: false }), REFERENCE, dir);
    expect(without.effects.some((e) => e.kind === 'pager')).toBe(false);
    expect(acknowledge(without.state, 'bernd', REFERENCE).effects.map((e) => e.kind)).toEqual(['cancel-next-step']);
  });

  it('are not echoed back for acknowledgements and resolutions made in PagerDuty', () => {
    const { state } = startPage(input(), REFERENCE, dir);
    const event = { action: 'acknowledge' as const, pageId: state.id, by: 'Jane Doe', at: '2026-11-24T03:20:00.000Z' };
    const applied = applyExternalPagerEvent(state, event, minutesAfter(REFERENCE, 8));
    expect(applied.kind).toBe('applied');
    if (applied.kind !== 'applied') return;
    expect(applied.result.effects).toEqual([{ kind: 'cancel-next-step', pageId: state.id }]);
    expect(applied.result.state.timeline.at(-1)!.text).toBe('acknowledged in PagerDuty by Jane Doe');
    const again = acknowledge(applied.result.state, 'priya', minutesAfter(REFERENCE, 9));
    expect(again).toMatchObject({ kind: 'already-acknowledged', message: 'already acknowledged by Jane Doe (in PagerDuty) at 2026-11-24T03:20:00.000Z' });

    const resolved = applyExternalPagerEvent(applied.result.state, { ...event, action: 'resolve' }, minutesAfter(REFERENCE, 20));
    expect(resolved.kind === 'applied' && resolved.result.kind).toBe('resolved');
    expect(applyExternalPagerEvent(undefined, event, REFERENCE)).toEqual({ kind: 'ignored', reason: 'no page with id page-registry-0001' });
  });

  it('are wanted only while they still match the page', () => {
    const { state } = startPage(input(), REFERENCE, dir);
    expect(pagerActionWanted(state, 'trigger')).toBe(true);
    const acked = acknowledge(state, 'bernd', REFERENCE).state;
    expect(pagerActionWanted(acked, 'trigger')).toBe(false);
    expect(pagerActionWanted(acked, 'acknowledge')).toBe(true);
    const resolved = resolve(acked, 'bernd', REFERENCE).state;
    expect(pagerActionWanted(resolved, 'acknowledge')).toBe(false);
    expect(pagerActionWanted(resolved, 'resolve')).toBe(true);
    const failed: PageState = { ...resolved, pager: { ...resolved.pager, trigger: 'failed' } };
    expect(pagerActionWanted(failed, 'resolve')).toBe(false);
  });
});

describe('startPage', () => {
  it('refuses a page id that cannot be a PagerDuty dedup key', () => {
    expect(() => startPage(input({ id: 'x'.repeat(256) }), REFERENCE, dir)).toThrow(/1\.\.255/);
    expect(() => startPage(input({ id: 'x'.repeat(255) }), REFERENCE, dir)).not.toThrow();
  });

  it('keeps the state plain JSON so the store can persist it as is', () => {
    const { state } = startPage(input(), REFERENCE, dir);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });
});
