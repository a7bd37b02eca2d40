import { describe, expect, it } from 'vitest';
import type { OverrideFormErrors } from '../../../src/rota/domain/override-form.ts';
import { createOverride, type OverrideSubmission } from '../../../src/rota/use-cases/create-override.ts';
import { memoryRotaDeps, SLACK } from '../helpers/memory-rota.ts';

const T0 = '2026-11-24T03:12:00Z';
const d = (iso: string) => new Date(iso);

function answers() {
  const got: (OverrideFormErrors | undefined)[] = [];
  return { got, answer: async (errors?: OverrideFormErrors) => void got.push(errors) };
}

const submission = (over: Partial<OverrideSubmission> = {}): OverrideSubmission => ({
  viewId: 'V1',
  submittedBy: SLACK.ameukam,
  subprojectId: 'dns',
  cover: SLACK.ameukam,
  from: d(T0),
  to: d('2026-11-30T08:00:00Z'),
  ...over,
});

describe('createOverride', () => {
  it('answers Slack first, then stores the override once with its audit entry and handoff rows at both ends, and tells both people', async () => {
    const { deps, store, notifier, homeRefreshes } = memoryRotaDeps(T0);
    const { got, answer } = answers();
    expect(await createOverride(deps, submission({ cover: SLACK.hh, subprojectId: 'registry' }), answer)).toBe('created');
    // The Home tabs of the people concerned: who asked, who covers, everyone rotating for registry.
    expect(homeRefreshes).toHaveLength(1);
    expect(homeRefreshes[0]).toEqual(expect.arrayContaining([SLACK.ameukam, SLACK.hh, 'nikhita', 'bentheelder', 'upodroid']));
    expect(got).toEqual([undefined]);
    expect(store.overrides).toMatchObject([{ id: 'override:V1', subprojectId: 'registry', person: 'hh', createdBy: 'ameukam' }]);
    expect(store.auditActions()).toEqual(['override.created']);
    expect(store.scheduledJobIds()).toEqual(['handoff:registry:2026-11-24T03:12:00.000Z', 'handoff:registry:2026-11-30T08:00:00.000Z']);
    const text = `:repeat: Override: <@${SLACK.hh}> covers *Container registry (registry.k8s.io, k8s.gcr.io)* from Tue 24 Nov 03:12 UTC to Mon 30 Nov 08:00 UTC (created by <@${SLACK.ameukam}>).`;
    expect(notifier.dmTexts(SLACK.ameukam)).toEqual([text]);
    expect(notifier.dmTexts(SLACK.hh)).toEqual([text]);

    // Slack retries the submission: same view, nothing new.
    expect(await createOverride(deps, submission({ cover: SLACK.hh, subprojectId: 'registry' }), answer)).toBe('exists');
    expect(store.overrides).toHaveLength(1);
    expect(store.auditActions()).toEqual(['override.created']);
    expect(homeRefreshes).toHaveLength(1);
    expect(notifier.dms).toHaveLength(2);
  });

  it('DMs once when people cover themselves', async () => {
    const { deps, notifier } = memoryRotaDeps(T0);
    await createOverride(deps, submission(), answers().answer);
    expect(notifier.dms.map((m) => m.user)).toEqual([SLACK.ameukam]);
  });

  it('answers every problem of the form inline and writes nothing', async () => {
    const { deps, store } = memoryRotaDeps(T0);
    const { got, answer } = answers();
    expect(await createOverride(deps, submission({ cover: 'U0STRANGER', from: d('2026-11-25T10:00:00Z'), to: d('2026-11-25T09:00:00Z') }), answer)).toBe('invalid');
    expect(got).toEqual([{ person: 'That person is not in the people list of the config.', to: 'Must be after the start.' }]);
    await createOverride(deps, submission({ from: d('2026-11-20T10:00:00Z') }), answer);
    expect(got[1]?.from).toContain('in the past');
    await createOverride(deps, submission({ to: d('2026-12-25T09:00:00Z') }), answer);
    expect(got[2]?.to).toContain('Longer than 14 days');
    await createOverride(deps, submission({ subprojectId: 'apps' }), answer);
    expect(got[3]).toEqual({ subproject: 'Choose a subproject with a rotation.' });
    expect(store.overrides).toEqual([]);
    expect(store.effects).toEqual([]);
  });

  it('refuses someone who neither owns the subproject nor leads', async () => {
    const { deps, store, refused } = memoryRotaDeps(T0);
    const { got, answer } = answers();
    expect(await createOverride(deps, submission({ submittedBy: SLACK.jimangel, cover: SLACK.jimangel }), answer)).toBe('invalid');
    expect(got).toEqual([{ subproject: 'Only owners of dns or the group’s leads can create overrides for it.' }]);
    expect(store.overrides).toEqual([]);
    expect(refused).toEqual([{ actor: SLACK.jimangel, action: 'override', subject: 'subproject:dns', reason: 'not an owner or a lead' }]);
  });
});
