import { describe, expect, it } from 'vitest';
import { prepareOverrideForm } from '../../../src/rota/use-cases/prepare-override-form.ts';
import { memoryRotaDeps, SLACK } from '../helpers/memory-rota.ts';

const T0 = '2026-11-24T03:12:30Z';

describe('prepareOverrideForm', () => {
  it('defaults to the asker covering the current shift, from this minute', async () => {
    const { deps, clock } = memoryRotaDeps(T0);
    const r = await prepareOverrideForm(deps, { slackUser: SLACK.ameukam, subprojectId: 'dns', now: clock.now() });
    expect(r).toMatchObject({ kind: 'form', form: { initialSubproject: 'dns', initialUser: SLACK.ameukam, from: new Date('2026-11-24T03:12:00Z'), to: new Date('2026-11-30T08:00:00Z'), maxLabel: '14 days' } });
    // ameukam owns dns, registry, clusters and storage (all with rotations), and is a lead.
    expect(r.kind === 'form' && r.form.subprojects.map((s) => s.id)).toEqual(['dns', 'registry', 'clusters', 'storage']);
  });

  it('offers only the subprojects the asker owns, the first by default', async () => {
    const { deps, clock } = memoryRotaDeps(T0);
    const r = await prepareOverrideForm(deps, { slackUser: SLACK.jimangel, now: clock.now() });
    expect(r).toMatchObject({ kind: 'form', form: { initialSubproject: 'storage', subprojects: [{ id: 'storage' }] } });
  });

  it('caps the default at the longest override', async () => {
    const { deps, clock } = memoryRotaDeps(T0);
    const r = await prepareOverrideForm({ ...deps, settings: { maxOverrideMs: 3_600_000 } }, { slackUser: SLACK.ameukam, subprojectId: 'dns', now: clock.now() });
    expect(r).toMatchObject({ kind: 'form', form: { to: new Date('2026-11-24T04:12:00Z'), maxLabel: '1 hour' } });
  });

  it('refuses people who own nothing with a rotation, and a subproject the asker does not own', async () => {
    const { deps, clock, refused } = memoryRotaDeps(T0);
    expect(await prepareOverrideForm(deps, { slackUser: 'U0STRANGER', now: clock.now() })).toEqual({
      kind: 'refused',
      message: 'Only owners of a subproject with a rotation, or the group’s leads, can create overrides. Ask an owner (`/k8s-infra owners`).',
    });
    expect(await prepareOverrideForm(deps, { slackUser: SLACK.jimangel, subprojectId: 'dns', now: clock.now() })).toEqual({ kind: 'refused', message: 'Only owners of `dns` or the group’s leads can create overrides for it.' });
    expect(refused.map((r) => [r.actor, r.action, r.subject])).toEqual([
      ['U0STRANGER', 'override', 'subproject:*'],
      [SLACK.jimangel, 'override', 'subproject:dns'],
    ]);
  });
});
