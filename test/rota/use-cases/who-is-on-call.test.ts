import { describe, expect, it } from 'vitest';
import { whoIsOnCall } from '../../../src/rota/use-cases/who-is-on-call.ts';
import { memoryRotaDeps, SLACK } from '../helpers/memory-rota.ts';

// Tuesday 24 Nov 2026 03:12 UTC: DNS shift 46 is xmudrii's (Belgrade, 04:12), dims's from Mon 30 Nov 08:00Z.
const T0 = '2026-11-24T03:12:00Z';

describe('whoIsOnCall', () => {
  it('names the primary with their wall clock, the secondary and the next handoff', async () => {
    const { deps, clock } = memoryRotaDeps(T0);
    const [dns] = await whoIsOnCall(deps, { subprojectIds: ['dns'], now: clock.now() });
    expect(dns).toEqual({
      subprojectId: 'dns',
      name: 'DNS (k8s.io, kubernetes.io, k8s.dev, x-k8s.io)',
      primary: { mention: `<@${SLACK.xmudrii}>`, localTime: '04:12', zone: 'Europe/Belgrade', withinWorkingHours: false },
      secondary: `<@${SLACK.dims}>`,
      nextAt: new Date('2026-11-30T08:00:00Z'),
      next: `<@${SLACK.dims}>`,
    });
  });

  it('marks a subproject without a rotation', async () => {
    const { deps, clock } = memoryRotaDeps(T0);
    expect(await whoIsOnCall(deps, { subprojectIds: ['apps'], now: clock.now() })).toEqual([{ subprojectId: 'apps', name: 'GAE apps, Cloud Build, BigQuery', noRotation: true }]);
  });

  it('uses the one on-call rule: with upodroid covering ameukam’s week, xmudrii is secondary', async () => {
    const { deps, store } = memoryRotaDeps('2026-12-08T10:00:00Z');
    await store.insertOverride({ id: 'o', subprojectId: 'dns', person: 'upodroid', from: new Date('2026-12-08T10:00:00Z'), to: new Date('2026-12-14T08:00:00Z'), createdBy: 'upodroid' }, new Date('2026-12-08T10:00:00Z'));
    const [dns] = await whoIsOnCall(deps, { subprojectIds: ['dns'], now: new Date('2026-12-08T10:00:00Z') });
    // upodroid keeps it through his own week: the next handoff is to xmudrii on 21 Dec.
    expect(dns).toMatchObject({ primary: { mention: `<@${SLACK.upodroid}>` }, secondary: `<@${SLACK.xmudrii}>`, nextAt: new Date('2026-12-21T08:00:00Z'), next: `<@${SLACK.xmudrii}>` });
  });

  it('names who shadows the rotation now and until when; at the shadow’s end they are gone', async () => {
    const { deps, store, clock } = memoryRotaDeps(T0);
    const until = new Date('2026-12-08T03:12:00Z');
    await store.insertShadow({ key: 's1', rotationId: 'dns-primary', personId: 'hh', from: new Date('2026-11-24T00:00:00Z'), until, reason: 'new owner of dns' });
    // Someone on call is not listed as shadowing too.
    await store.insertShadow({ key: 's2', rotationId: 'dns-primary', personId: 'xmudrii', from: new Date('2026-11-24T00:00:00Z'), until, reason: 'r' });
    const [dns] = await whoIsOnCall(deps, { subprojectIds: ['dns'], now: clock.now() });
    expect(dns).toMatchObject({ primary: { mention: `<@${SLACK.xmudrii}>` }, shadows: [{ mention: `<@${SLACK.hh}>`, until }] });
    const [after] = await whoIsOnCall(deps, { subprojectIds: ['dns'], now: until });
    expect(after?.shadows).toBeUndefined();
  });
});
