import { describe, expect, it } from 'vitest';
import type { SwapErrors } from '../../../src/rota/domain/validate-swap.ts';
import { proposeSwap, type SwapSubmission } from '../../../src/rota/use-cases/propose-swap.ts';
import { memoryRotaDeps, SLACK } from '../helpers/memory-rota.ts';

// DNS shifts ahead: 30 Nov dims, 7 Dec ameukam, 14 Dec upodroid (each Monday 08:00Z).
const T0 = '2026-11-24T03:12:00Z';
const shift = (iso: string) => ({ rotationId: 'dns-primary', start: new Date(iso) });

function answers() {
  const got: (SwapErrors | undefined)[] = [];
  return { got, answer: async (errors?: SwapErrors) => void got.push(errors) };
}

const submission = (over: Partial<SwapSubmission> = {}): SwapSubmission => ({
  viewId: 'V1',
  submittedBy: SLACK.ameukam,
  counterpart: SLACK.dims,
  mine: shift('2026-12-07T08:00:00Z'),
  theirs: shift('2026-11-30T08:00:00Z'),
  ...over,
});

describe('proposeSwap', () => {
  it('answers first, stores the proposal once with its audit entry, DMs the other person the buttons and confirms to the asker', async () => {
    const { deps, store, notifier } = memoryRotaDeps(T0);
    const { got, answer } = answers();
    expect(await proposeSwap(deps, submission(), answer)).toBe('proposed');
    expect(got).toEqual([undefined]);
    expect(store.swaps).toMatchObject([{ id: 'swap:V1', status: 'proposed', requester: 'ameukam', counterpart: 'dims' }]);
    expect(store.auditActions()).toEqual(['swap.proposed']);
    expect(notifier.dmTexts(SLACK.dims)[0]).toContain(`<@${SLACK.ameukam}> proposes a swap on DNS primary`);
    expect(JSON.stringify(notifier.dms[0]?.message.blocks)).toContain('rota.swap_accept');
    expect(notifier.dmTexts(SLACK.ameukam)).toEqual([`:incoming_envelope: Swap proposed to <@${SLACK.dims}> on DNS primary; you will get a DM when they answer.`]);

    expect(await proposeSwap(deps, submission(), answer)).toBe('exists');
    expect(store.swaps).toHaveLength(1);
    expect(notifier.dms).toHaveLength(2);
  });

  it('refuses inline: oneself, a shift that is not theirs, someone not in the config, two rotations', async () => {
    const { deps, store } = memoryRotaDeps(T0);
    const { got, answer } = answers();
    await proposeSwap(deps, submission({ counterpart: SLACK.ameukam }), answer);
    await proposeSwap(deps, submission({ theirs: shift('2026-12-14T08:00:00Z') }), answer);
    await proposeSwap(deps, submission({ counterpart: 'U0STRANGER' }), answer);
    await proposeSwap(deps, submission({ theirs: { rotationId: 'clusters-primary', start: new Date('2026-11-30T17:00:00Z') } }), answer);
    await proposeSwap(deps, submission({ mine: undefined }), answer);
    expect(got[0]?.person).toBe('You cannot swap with yourself.');
    expect(got[1]?.theirShift).toContain('upodroid');
    expect(got[2]).toEqual({ person: 'That person is not in the people list of the config.' });
    expect(got[3]).toEqual({ theirShift: 'Pick a shift of the same rotation as yours.' });
    expect(got[4]).toEqual({ myShift: 'Choose your shift.' });
    expect(store.swaps).toEqual([]);
    expect(store.effects).toEqual([]);
  });
});
