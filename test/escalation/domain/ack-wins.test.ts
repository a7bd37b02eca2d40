import { describe, expect, it } from 'vitest';
import { acknowledge, escalateNow, fireStep, startPage } from '../../../src/escalation/domain/escalation-engine.ts';
import type { EscalationPolicy } from '../../../src/escalation/domain/policy-schema.ts';
import { REFERENCE, directory, minutesAfter } from './directory-fixture.ts';
import { InMemoryPageStore } from './in-memory-page-store.ts';

const policy: EscalationPolicy = {
  id: 'default',
  repeat: 0,
  steps: [
    { targets: ['primary'], delayMinutes: 5 },
    { targets: ['owners'], delayMinutes: 10 },
  ],
};
const dir = directory({ primary: 'priya', owners: ['sam', 'lucy'] });

function opened(): InMemoryPageStore {
  const store = new InMemoryPageStore();
  const t = startPage(
    { id: 'page-1', subprojectId: 'registry', severity: 'critical', summary: 's', createdBy: 'nina', policy, usePager: false },
    REFERENCE,
    dir,
  );
  store.insert(t.state, t.effects);
  store.deliver();
  return store;
}

describe('an acknowledgement racing a step wins', () => {
  it('when the ack commits while the step is being computed: the step re-runs on the acked page and does nothing', () => {
    const store = opened();
    const due = minutesAfter(REFERENCE, 5);
    const job = store.jobs[0]!;

    // The step runner reads the page and computes step 2 ...
    const seen = store.load('page-1');
    const step = fireStep(seen, due, dir, { stepSeq: job.stepSeq });
    expect(step.effects.filter((e) => e.kind === 'notify')).toHaveLength(2);
    // ... meanwhile the ack commits.
    store.apply('page-1', (s) => acknowledge(s, 'priya', due));
    // The step's conditional write fails; it re-runs on the fresh row, which is acknowledged.
    expect(store.commit(seen.version, step)).toBe(false);
    const rerun = store.apply('page-1', (s) => fireStep(s, due, dir, { stepSeq: job.stepSeq }));
    expect(rerun.effects).toEqual([]);
    store.deliver();
    expect(store.sent.map((n) => n.personId)).toEqual(['priya']);
    expect(store.load('page-1').status).toBe('acknowledged');
  });

  it('when the ack commits after the step but before delivery: the queued notifications are dropped', () => {
    const store = opened();
    const due = minutesAfter(REFERENCE, 5);
    store.apply('page-1', (s) => fireStep(s, due, dir, { stepSeq: 1 }));
    expect(store.outbox.map((n) => n.personId)).toEqual(['sam', 'lucy']);
    store.apply('page-1', (s) => acknowledge(s, 'priya', minutesAfter(due, 0.1)));
    store.deliver();
    expect(store.sent.map((n) => n.personId)).toEqual(['priya']);
    expect(store.dropped.map((n) => n.personId)).toEqual(['sam', 'lucy']);
    // The ack also cancelled the pending step job.
    expect(store.jobs).toEqual([]);
  });

  it('a retried step transaction does not queue the same notification twice', () => {
    const store = opened();
    const due = minutesAfter(REFERENCE, 5);
    const seen = store.load('page-1');
    const t = fireStep(seen, due, dir, { stepSeq: 1 });
    expect(store.commit(seen.version, t)).toBe(true);
    expect(store.commit(seen.version, t)).toBe(false);
    expect(store.outbox).toHaveLength(2);
  });

  it('notifications of a step superseded by escalateNow are still delivered', () => {
    const store = opened();
    store.apply('page-1', (s) => {
      const r = escalateNow(s, minutesAfter(REFERENCE, 1), dir, 'nina');
      if (r.kind !== 'escalated') throw new Error(r.message);
      return r;
    });
    // The old step job is stale now and must not fire step 3 (there is none) or re-fire step 2.
    const stale = store.apply('page-1', (s) => fireStep(s, minutesAfter(REFERENCE, 5), dir, { stepSeq: 1 }));
    expect(stale.effects).toEqual([]);
    store.deliver();
    expect(store.sent.map((n) => `${n.step}:${n.personId}`)).toEqual(['1:priya', '2:sam', '2:lucy']);
  });
});
