import { describe, expect, it } from 'vitest';
import { checkChosenTier, QUESTIONS, tierFromAnswers, tiersFrom } from '../../../src/changes/domain/tier.ts';

describe('the tier from the charter’s three questions', () => {
  it('is the riskiest answer’s tier', () => {
    expect(tierFromAnswers({ workflows: 'no', rollback: 'easy', reach: 'few' })?.tier).toBe('low');
    expect(tierFromAnswers({ workflows: 'may', rollback: 'easy', reach: 'few' })?.tier).toBe('medium');
    expect(tierFromAnswers({ workflows: 'no', rollback: 'hard', reach: 'may-all' })).toEqual({ tier: 'high', reasons: ['How easy is it to roll back? May be hard'] });
    expect(tierFromAnswers({ workflows: 'likely', rollback: 'should', reach: 'all' })?.reasons).toEqual(['Does it break existing contributor workflows? Likely', 'How many repos or SIGs does it impact? Likely all repos']);
  });

  it('waits for every answer, and ignores a value no question offers', () => {
    expect(tierFromAnswers({ workflows: 'no', rollback: 'easy' })).toBeUndefined();
    expect(tierFromAnswers({ workflows: 'no', rollback: 'easy', reach: 'none-at-all' })).toBeUndefined();
  });

  it('maps each answer of each question to the tier whose definition it quotes', () => {
    for (const q of QUESTIONS) expect(q.answers.map((a) => a.tier)).toEqual(['low', 'medium', 'high']);
  });

  it('may be raised by the author, never lowered', () => {
    expect(checkChosenTier(undefined, 'medium')).toEqual({ ok: true, tier: 'medium' });
    expect(checkChosenTier('high', 'medium')).toEqual({ ok: true, tier: 'high' });
    const lowered = checkChosenTier('low', 'medium');
    expect(lowered.ok).toBe(false);
    expect(!lowered.ok && lowered.reason).toContain('cannot be lower than medium');
    expect(tiersFrom('medium')).toEqual(['medium', 'high']);
  });
});
