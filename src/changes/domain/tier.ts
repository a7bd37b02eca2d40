/**
 * The charter's risk tiers and the three questions that decide them. Each answer names the tier
 * whose definition it matches; a change is as risky as its riskiest answer.
 */
export const TIERS = ['low', 'medium', 'high'] as const;
export type Tier = (typeof TIERS)[number];

export function tierRank(tier: Tier): number {
  return TIERS.indexOf(tier);
}

export function maxTier(...tiers: readonly Tier[]): Tier {
  return tiers.reduce<Tier>((a, b) => (tierRank(b) > tierRank(a) ? b : a), 'low');
}

export function isTier(value: unknown): value is Tier {
  return typeof value === 'string' && (TIERS as readonly string[]).includes(value);
}

export const TIER_LABEL: Record<Tier, string> = { low: 'Low', medium: 'Medium', high: 'High' };

/** The charter's definition of each tier, as the issue and the notice quote it. */
export const TIER_DEFINITION: Record<Tier, string> = {
  low: 'does not break existing contributor workflows, is easy to roll back, and impacts at most a few repos or SIGs',
  medium: 'may impact contributor workflows, should be easy to roll back, and may impact all repos',
  high: 'likely breaks contributor workflows, may be hard to roll back, and likely impacts all repos',
};

export interface Answer {
  value: string;
  label: string;
  tier: Tier;
}

export interface Question {
  id: 'workflows' | 'rollback' | 'reach';
  label: string;
  answers: readonly Answer[];
}

export const QUESTIONS: readonly Question[] = [
  {
    id: 'workflows',
    label: 'Does it break existing contributor workflows?',
    answers: [
      { value: 'no', label: 'No', tier: 'low' },
      { value: 'may', label: 'It may impact them', tier: 'medium' },
      { value: 'likely', label: 'Likely', tier: 'high' },
    ],
  },
  {
    id: 'rollback',
    label: 'How easy is it to roll back?',
    answers: [
      { value: 'easy', label: 'Easy', tier: 'low' },
      { value: 'should', label: 'Should be easy', tier: 'medium' },
      { value: 'hard', label: 'May be hard', tier: 'high' },
    ],
  },
  {
    id: 'reach',
    label: 'How many repos or SIGs does it impact?',
    answers: [
      { value: 'few', label: 'At most a few repos or SIGs', tier: 'low' },
      { value: 'may-all', label: 'It may impact all repos', tier: 'medium' },
      { value: 'all', label: 'Likely all repos', tier: 'high' },
    ],
  },
];

export type CharterAnswers = Record<Question['id'], string>;

/** The answer a value names, or undefined for a value no question offers (a crafted payload). */
function answerOf(question: Question['id'], value: string | undefined): Answer | undefined {
  return QUESTIONS.find((q) => q.id === question)?.answers.find((a) => a.value === value);
}

/** The tier the answers give, with why; undefined until every question is answered. */
export function tierFromAnswers(answers: Partial<Record<Question['id'], string | undefined>>): { tier: Tier; reasons: string[] } | undefined {
  const picked = QUESTIONS.map((q) => ({ q, a: answerOf(q.id, answers[q.id]) }));
  if (picked.some((p) => !p.a)) return undefined;
  const tier = maxTier(...picked.map((p) => p.a!.tier));
  const reasons = picked.filter((p) => p.a!.tier === tier && tier !== 'low').map((p) => `${p.q.label} ${p.a!.label}`);
  return { tier, reasons: reasons.length ? reasons : ['every answer fits the low tier'] };
}

/**
 * The tier an author may pick: at least the floor (from the answers and the PR's files). Raising
 * is always allowed; lowering never is.
 */
export function checkChosenTier(chosen: Tier | undefined, floor: Tier): { ok: true; tier: Tier } | { ok: false; reason: string } {
  const tier = chosen ?? floor;
  if (tierRank(tier) < tierRank(floor)) return { ok: false, reason: `The tier cannot be lower than ${TIER_LABEL[floor].toLowerCase()}: the answers and the pull request's files put it there. You may raise it, never lower it.` };
  return { ok: true, tier };
}

/** Tiers at or above `floor`, for the "raise the tier" choice. */
export function tiersFrom(floor: Tier): Tier[] {
  return TIERS.filter((t) => tierRank(t) >= tierRank(floor));
}
