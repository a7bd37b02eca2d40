import { describe, expect, it } from 'vitest';
import { announceHandoff } from '../../../src/rota/use-cases/announce-handoff.ts';
import { memoryRotaDeps, SLACK } from '../helpers/memory-rota.ts';

// DNS hands off to dims on Mon 30 Nov 08:00Z, to ameukam on 7 Dec; the registry syncs its user group.
const HANDOFF = new Date('2026-11-30T08:00:00Z');

describe('announceHandoff', () => {
  it('posts in the subproject’s channel, DMs the incoming person, records the handoff and schedules the next', async () => {
    const { deps, store, notifier } = memoryRotaDeps('2026-11-30T08:00:00Z');
    expect(await announceHandoff(deps, { subprojectId: 'dns', at: HANDOFF })).toBe('announced');
    expect(notifier.posts.map((p) => [p.channel, p.message.text])).toEqual([
      ['k8s-infra-alerts', `:pager: On call for DNS (k8s.io, kubernetes.io, k8s.dev, x-k8s.io): <@${SLACK.dims}>, until Mon 7 Dec 08:00 UTC, next <@${SLACK.ameukam}>`],
    ]);
    expect(notifier.dmTexts(SLACK.dims)[0]).toContain('You are now on call for DNS');
    expect(store.announcements).toEqual([{ subprojectId: 'dns', at: HANDOFF, person: 'dims', outcome: 'announced' }]);
    expect(store.scheduledJobIds()).toEqual(['handoff:dns:2026-12-07T08:00:00.000Z']);
  });

  it('a re-run of a recorded handoff announces nothing and still schedules the next', async () => {
    const { deps, store, notifier } = memoryRotaDeps('2026-11-30T08:00:00Z');
    await announceHandoff(deps, { subprojectId: 'dns', at: HANDOFF });
    expect(await announceHandoff(deps, { subprojectId: 'dns', at: HANDOFF })).toBe('already-recorded');
    expect(notifier.posts).toHaveLength(1);
    expect(store.announcements).toHaveLength(1);
    expect(store.scheduledJobIds()).toEqual(['handoff:dns:2026-12-07T08:00:00.000Z', 'handoff:dns:2026-12-07T08:00:00.000Z']);
  });

  it('an instant an override made a non-event is recorded as unchanged, not announced', async () => {
    const { deps, store, notifier } = memoryRotaDeps('2026-11-30T08:00:00Z');
    await store.recordAnnouncement({ subprojectId: 'dns', at: new Date('2026-11-23T08:00:00Z'), person: 'xmudrii', outcome: 'announced' });
    await store.insertOverride({ id: 'o', subprojectId: 'dns', person: 'xmudrii', from: new Date('2026-11-29T00:00:00Z'), to: new Date('2026-12-02T00:00:00Z'), createdBy: 'xmudrii' }, new Date('2026-11-24T00:00:00Z'));
    expect(await announceHandoff(deps, { subprojectId: 'dns', at: HANDOFF })).toBe('unchanged');
    expect(notifier.posts).toEqual([]);
    expect(store.announcements.at(-1)).toEqual({ subprojectId: 'dns', at: HANDOFF, person: 'xmudrii', outcome: 'unchanged' });
    expect(store.scheduledJobIds()).toEqual(['handoff:dns:2026-12-02T00:00:00.000Z']);
  });

  it('keeps the user group on the primary where the subproject asks for it', async () => {
    const { deps, usergroup } = memoryRotaDeps('2026-11-30T08:00:00Z');
    await announceHandoff(deps, { subprojectId: 'dns', at: HANDOFF });
    expect(usergroup.follows).toEqual([]);
    // Registry fallback: shift 47 from Mon 30 Nov 10:00 Kolkata is bentheelder's.
    await announceHandoff(deps, { subprojectId: 'registry', at: new Date('2026-11-30T04:30:00Z') });
    expect(usergroup.follows).toEqual([['registry', SLACK.bentheelder]]);
  });

  it('ends the chain of a subproject removed from the config', async () => {
    const { deps, store } = memoryRotaDeps('2026-11-30T08:00:00Z');
    expect(await announceHandoff(deps, { subprojectId: 'gone', at: HANDOFF })).toBe('unknown-subproject');
    expect(store.effects).toEqual([]);
  });
});
