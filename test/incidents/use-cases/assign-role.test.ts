import { describe, expect, it } from 'vitest';
import { inviteToChannelJob } from '../../../src/incidents/jobs/invite-to-channel.ts';
import { assignRole } from '../../../src/incidents/use-cases/assign-role.ts';
import { actor, ANNOUNCEMENTS, anIncident, ARNAUD, BEN, deliverPosts, DIMS, incidentTestDeps, jobContext } from '../helpers/fakes.ts';

describe('assignRole', () => {
  it('hands over the role, queues the invitation and tells the channel only', async () => {
    const deps = incidentTestDeps();
    deps.incidents.put(anIncident());
    const r = await assignRole(deps, 'inc-1', 'commander', DIMS, actor(ARNAUD), 'incident-cmd:T1');
    expect(r).toMatchObject({ ok: true, after: { commander: DIMS } });
    // The one who lost the role and the one who got it see it on their Home tabs.
    expect(deps.homeRefreshes.at(-1)).toEqual(expect.arrayContaining([ARNAUD, DIMS]));
    // The new commander steers from now on.
    await assignRole(deps, 'inc-1', 'scribe', BEN, actor(DIMS), 'incident-cmd:T2');
    expect(await deps.incidents.get('inc-1')).toMatchObject({ commander: DIMS, roles: { scribe: BEN } });
    const invite = inviteToChannelJob.bind(deps);
    for (const j of deps.incidents.jobs(inviteToChannelJob.kind)) await invite.run(j.payload, jobContext(j, deps.clock.now()));
    expect([...(deps.channels.members.get('C0INC1') ?? [])]).toEqual([DIMS, BEN]);
    await deliverPosts(deps);
    expect(deps.notifier.textsIn('C0INC1')).toEqual([`:mag: <@${DIMS}> is now commander (set by <@${ARNAUD}>) (<@${ARNAUD}>)`, `:mag: <@${BEN}> is now scribe (set by <@${DIMS}>) (<@${DIMS}>)`]);
    expect(deps.notifier.textsIn(ANNOUNCEMENTS)).toEqual([]);
    expect(deps.incidents.audits().map((a) => a.action)).toEqual(['incident.role_assigned', 'incident.role_assigned']);
  });

  it('refuses the commander replaced, and anyone else who does not steer', async () => {
    const deps = incidentTestDeps();
    deps.incidents.put(anIncident({ commander: DIMS }));
    expect(await assignRole(deps, 'inc-1', 'commander', BEN, actor(BEN), 'incident-cmd:T1')).toMatchObject({ ok: false, refused: 'assign-role', reason: `Only the commander (<@${DIMS}>) or a lead can change roles on this incident.` });
    expect(deps.incidents.effects).toEqual([]);
    expect((await deps.incidents.get('inc-1'))?.commander).toBe(DIMS);
  });
});
