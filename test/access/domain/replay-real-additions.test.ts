import { describe, expect, it } from 'vitest';
import { historyCases, leaveOneOutCases, replay, replayTable } from '../helpers/replay-corpus.ts';

describe('the access replay: real additions to groups.yaml, replayed with the bot’s edit (bench/access-replay.bench.ts prints the table)', () => {
  const history = historyCases().map(replay);
  const leaveOneOut = leaveOneOutCases().map(replay);

  it('covers every list convention the real history shows', () => {
    expect(history.map((r) => r.name).sort()).toEqual([
      'access-request-05c22c456b4d', // sectioned: the on-call section, not the leads one
      'access-request-0ba2a2776',
      'access-request-44fdc38eb809', // pinned group addresses first
      'access-request-47970759fde1', // every line carries a note
      'access-request-523847a9b',
      'access-request-d49d0bfcc9d4', // join order: appended
      'access-request-f4c7a1827',
    ]);
  });

  it.each(historyCases().filter((c) => c.note === undefined).map((c) => [c.name, c] as const))('%s: byte-identical with the default choices', (_name, c) => {
    const r = replay(c);
    expect(r.crossedSection).toBe(false);
    expect(r.identical).toBe(true);
  });

  it('the addition with a trailing note is byte-identical once the note is given (written in the list’s style)', () => {
    const noted = history.filter((r) => r.note !== undefined);
    expect(noted.map((r) => [r.name, r.note])).toEqual([['access-request-47970759fde1', '1.21 Emeritus Advisor']]);
    expect(noted.every((r) => r.identicalWithChoices)).toBe(true);
  });

  it('with the section chosen, no line ever lands in another section (every real member line)', () => {
    expect(leaveOneOut.length).toBeGreaterThan(600);
    expect(leaveOneOut.filter((r) => r.crossedChosenSection).map((r) => r.name)).toEqual([]);
  });

  it('leave-one-out over every real member line: the default choices reproduce at least 80% byte for byte', () => {
    const { identical, of } = replayTable(leaveOneOut).figure('leave-one-out');
    expect(of).toBeGreaterThan(600);
    expect(identical / of).toBeGreaterThanOrEqual(0.8);
  });
});
