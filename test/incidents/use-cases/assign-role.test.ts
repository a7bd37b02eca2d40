import { describe, expect, it } from 'vitest';
import { assignRole } from '../../../src/incidents/use-cases/assign-role.ts';
import { ANNOUNCEMENTS, anIncident, ARNAUD, BEN, DIMS, incidentTestDeps } from '../helpers/fakes.ts';

describe('assignRole', () => {
  it('hands over the role, invites the person and tells the channel only', async () => {
    const deps = incidentTestDeps();
    deps.incidents.put(anIncident());
    const r = await assignRole(deps, 'inc-1', 'commander', DIMS, ARNAUD, 'incident-cmd:T1');
    expect(r).toMatchObject({ ok: true, after: { commander: DIMS } });
    await assignRole(deps, 'inc-1', 'scribe', BEN, DIMS, 'incident-cmd:T2');
    expect(await deps.incidents.get('inc-1')).toMatchObject({ commander: DIMS, roles: { scribe: BEN } });
    expect([...(deps.channels.members.get('C0INC1') ?? [])]).toEqual([DIMS, BEN]);
    expect(deps.notifier.textsIn('C0INC1')).toEqual([`:mag: <@${DIMS}> is now commander (set by <@${ARNAUD}>) (<@${ARNAUD}>)`, `:mag: <@${BEN}> is now scribe (set by <@${DIMS}>) (<@${DIMS}>)`]);
    expect(deps.notifier.textsIn(ANNOUNCEMENTS)).toEqual([]);
    expect(deps.incidents.audits().map((a) => a.action)).toEqual(['incident.role_assigned', 'incident.role_assigned']);
    expect(deps.incidents.jobs()).toEqual([]);
  });

  it('keeps the role when the invitation fails', async () => {
    const deps = incidentTestDeps();
    deps.incidents.put(anIncident());
    deps.channels.invite = async () => {
      throw new Error('user_not_found');
    };
    expect((await assignRole(deps, 'inc-1', 'comms', BEN, ARNAUD, 'incident-cmd:T1')).ok).toBe(true);
    expect(deps.log.warn).toHaveBeenCalledWith(expect.anything(), 'could not invite');
    expect((await deps.incidents.get('inc-1'))?.roles).toEqual({ comms: BEN });
  });
});
