import { describe, expect, it } from 'vitest';
import { postUpdate } from '../../../src/incidents/use-cases/post-update.ts';
import type { IncidentStore } from '../../../src/incidents/ports/incident-store.ts';
import { HOSTILE, unescapedHostile } from '../../helpers/hostile.ts';
import { actor, ANNOUNCEMENTS, anIncident, ARNAUD, BEN, deliverPosts, DIMS, incidentTestDeps, T0 } from '../helpers/fakes.ts';

const at = (min: number) => new Date(T0.getTime() + min * 60_000);

describe('postUpdate', () => {
  it('moves the status, comments on GitHub, restarts the reminder and queues the posts to the channel and announcements', async () => {
    const deps = incidentTestDeps();
    deps.incidents.put(anIncident({ acknowledgedAt: null, commander: BEN }));
    deps.clock.set(at(10));
    const r = await postUpdate(deps, 'inc-1', { status: 'monitoring', message: ' fix rolled out ', by: actor(BEN) }, 'incident-cmd:T1');
    expect(r).toMatchObject({ ok: true, after: { status: 'monitoring', updateSeq: 1, mitigatedAt: at(10), acknowledgedAt: at(10) } });
    expect((await deps.incidents.timeline('inc-1')).at(-1)).toEqual({ at: at(10), kind: 'update', actor: BEN, text: '*monitoring*: fix rolled out' });
    expect(deps.incidents.audits()).toEqual([
      { at: at(10), actor: BEN, action: 'incident.updated', subject: 'incident:inc-1', payload: { entries: ['*monitoring*: fix rolled out'], status: 'monitoring', severity: 'SEV2' } },
    ]);
    const [comment, reminder, ...posts] = deps.incidents.jobs();
    expect(comment).toMatchObject({ id: `incident-github:inc-1:comment:${at(10).getTime()}:1:update`, kind: 'incident.github', payload: { incidentId: 'inc-1', action: 'comment', body: '**2026-11-24T10:10:00Z** @BenTheElder: *monitoring*: fix rolled out' } });
    expect(reminder).toMatchObject({ id: 'incident-reminder:inc-1:1:SEV2:0', dueAt: at(70) });
    // Nothing is posted inside the change: the posts are jobs committed with it.
    expect(posts.map((p) => [p.kind, p.id])).toEqual([
      ['incident.post', expect.stringMatching(/^incident-post:inc-1:[0-9a-f]{16}:channel$/)],
      ['incident.post', expect.stringMatching(/^incident-post:inc-1:[0-9a-f]{16}:announcements$/)],
    ]);
    expect(deps.notifier.posts).toEqual([]);
    expect(await deliverPosts(deps)).toBe(2);
    expect(deps.notifier.textsIn('C0INC1')).toEqual([`:eyes: *monitoring*: fix rolled out (<@${BEN}>)`]);
    expect(deps.notifier.textsIn(ANNOUNCEMENTS)).toEqual([`:eyes: *SEV2 Registry pulls failing* (<#C0INC1>) *monitoring*: fix rolled out (<@${BEN}>)`]);
    expect(deps.notifier.posts.map((p) => p.key)).toEqual([posts[0]!.id, posts[1]!.id]);
    await expect.poll(() => deps.notifier.updates.length).toBe(1);
  });

  it('answers a retried delivery as already done, and refuses what the domain refuses', async () => {
    const deps = incidentTestDeps();
    deps.incidents.put(anIncident());
    await postUpdate(deps, 'inc-1', { status: 'identified', message: 'cdn', by: actor(ARNAUD) }, 'incident-cmd:T1');
    expect(await postUpdate(deps, 'inc-1', { status: 'identified', message: 'cdn', by: actor(ARNAUD) }, 'incident-cmd:T1')).toEqual({ ok: false, reason: 'Already done.', duplicate: true });
    expect(await postUpdate(deps, 'inc-1', { status: 'resolved', message: 'done', by: actor(ARNAUD) }, 'incident-cmd:T2')).toMatchObject({ ok: false, reason: expect.stringContaining('incident resolve') });
    expect(await postUpdate(deps, 'inc-2', { status: 'identified', message: 'x', by: actor(ARNAUD) }, 'incident-cmd:T3')).toEqual({ ok: false, reason: 'No such incident.' });
    expect((await deps.incidents.timeline('inc-1')).filter((e) => e.kind === 'update')).toHaveLength(1);
    await deliverPosts(deps);
    expect(deps.notifier.textsIn(ANNOUNCEMENTS)).toHaveLength(1);
  });

  it('refuses someone the policy refuses, on the incident as stored, changing nothing', async () => {
    const deps = incidentTestDeps();
    deps.incidents.put(anIncident({ services: ['dns'] }));
    // DIMS owns dns; BEN owns only the registry, which this incident does not affect.
    const r = await postUpdate(deps, 'inc-1', { status: 'identified', message: 'mine', by: actor(BEN, { ownsAffectedService: false }) }, 'incident-cmd:T1');
    expect(r).toMatchObject({ ok: false, refused: 'update', reason: expect.stringContaining("Only the incident's people") });
    expect(deps.incidents.effects).toEqual([]);
    expect((await postUpdate(deps, 'inc-1', { status: 'identified', message: 'owner', by: actor(DIMS, { ownsAffectedService: true }) }, 'incident-cmd:T2')).ok).toBe(true);
  });

  it('keeps what people typed as text: the posts and the GitHub comment carry it escaped', async () => {
    const deps = incidentTestDeps();
    deps.incidents.put(anIncident());
    expect((await postUpdate(deps, 'inc-1', { status: 'identified', message: HOSTILE, by: actor(ARNAUD) }, 'incident-cmd:T1')).ok).toBe(true);
    await deliverPosts(deps);
    expect(deps.notifier.posts).toHaveLength(2);
    expect(unescapedHostile(deps.notifier.posts)).toEqual([]);
    const comment = deps.incidents.jobs('incident.github')[0]!.payload as { body: string };
    expect(comment.body).not.toMatch(/<!|<@|<https/);
    expect(comment.body).toContain('@&#8203;U0DIMS001');
  });

  it('reads the incident again when someone else changed it first, and gives up after a few tries', async () => {
    const deps = incidentTestDeps();
    deps.incidents.put(anIncident());
    let racing = 1;
    const store = deps.incidents;
    const racy: Pick<IncidentStore, 'get' | 'timeline' | 'saveTransition'> = {
      async get(id) {
        const read = await store.get(id);
        // Someone posts an update between our read and our write.
        if (read && racing-- > 0) await postUpdate(deps, id, { status: 'identified', message: 'other', by: actor(BEN) }, `other:${racing}`);
        return read;
      },
      timeline: (id) => store.timeline(id),
      saveTransition: (write) => store.saveTransition(write),
    };
    const r = await postUpdate({ ...deps, incidents: racy }, 'inc-1', { status: 'monitoring', message: 'mine', by: actor(ARNAUD) }, 'incident-cmd:T1');
    expect(r).toMatchObject({ ok: true, before: { updateSeq: 1 }, after: { updateSeq: 2, status: 'monitoring' } });

    racing = 10;
    expect(await postUpdate({ ...deps, incidents: racy }, 'inc-1', { status: 'identified', message: 'again', by: actor(ARNAUD) }, 'incident-cmd:T2')).toEqual({ ok: false, reason: 'The incident changed while saving; try again.' });
  });

  it('a post Slack refuses fails its job (retried from the outbox); the update stays saved', async () => {
    const deps = incidentTestDeps();
    deps.incidents.put(anIncident());
    deps.notifier.post = async () => {
      throw new Error('channel_not_found');
    };
    const r = await postUpdate(deps, 'inc-1', { status: 'identified', message: 'cdn', by: actor(ARNAUD) }, 'incident-cmd:T1');
    expect(r.ok).toBe(true);
    await expect(deliverPosts(deps)).rejects.toThrow('channel_not_found');
    expect((await deps.incidents.get('inc-1'))?.status).toBe('identified');
  });
});
