import { describe, expect, it } from 'vitest';
import type { Transition } from '../../src/access/domain/access-request-lifecycle.ts';
import { outboxEffects } from '../../src/access/transition-effects.ts';
import { pendingRequest } from './helpers/use-case-fixtures.ts';

const id = 'ar-0123456789ab';
const now = new Date('2022-01-19T12:00:00Z');
const entry = { at: now, actor: 'system', action: 'access.fulfilled', subject: `access-request:${id}`, payload: {} };
const transition: Transition = {
  request: pendingRequest({ version: 5 }),
  changed: true,
  outcome: 'x',
  message: 'x',
  effects: [
    { type: 'audit', key: `${id}:audit:access.fulfilled:5`, entry },
    { type: 'schedule', key: `access:${id}:expiry-reminder`, requestId: id, job: 'expiry-reminder', dueAt: new Date('2022-01-30T00:00:00Z') },
    { type: 'schedule', key: `access:${id}:expiry`, requestId: id, job: 'expiry', dueAt: new Date('2022-02-02T00:00:00Z') },
    { type: 'cancel-scheduled', key: `${id}:cancel`, requestId: id, job: 'expiry-reminder' },
    { type: 'open-pr', key: `${id}:open-pr:remove`, requestId: id, change: 'remove' },
    { type: 'notify-requester', key: `${id}:notify-requester:fulfilled`, requestId: id, slackUserId: 'U0JIMANGE', text: 'Merged.' },
  ],
};

describe('outboxEffects', () => {
  it('keeps the job ids and kinds deployed databases hold', () => {
    expect(outboxEffects(transition, now, { auditSink: false })).toEqual([
      { kind: 'audit', entry },
      { kind: 'schedule', job: { id: `access:${id}:expiry-reminder`, kind: 'access.expiry-reminder', dueAt: new Date('2022-01-30T00:00:00Z'), payload: { requestId: id } } },
      { kind: 'schedule', job: { id: `access:${id}:expiry`, kind: 'access.expiry', dueAt: new Date('2022-02-02T00:00:00Z'), payload: { requestId: id } } },
      { kind: 'cancel', jobId: `access:${id}:expiry-reminder` },
      { kind: 'schedule', job: { id: `access:${id}:open-pr:remove`, kind: 'access.open-pr', dueAt: now, payload: { requestId: id } } },
      {
        kind: 'deliver-once',
        key: `access:${id}:effects:v5`,
        job: { id: `access:${id}:effects:v5`, kind: 'access.effects', dueAt: now, payload: { requestId: id, effects: [transition.effects[5]] } },
      },
    ]);
  });

  it('audit entries also go through the outbox when a sink is configured', () => {
    const effects = outboxEffects({ ...transition, effects: [transition.effects[0]!] }, now, { auditSink: true });
    expect(effects.map((e) => e.kind)).toEqual(['audit', 'deliver-once']);
    expect(outboxEffects({ ...transition, effects: [transition.effects[0]!] }, now, { auditSink: false }).map((e) => e.kind)).toEqual(['audit']);
  });
});
