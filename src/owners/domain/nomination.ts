/** A nomination (or an offboarding) as the owners capability tracks it. */
export type NominationStatus = 'open' | 'accepted' | 'rejected';
export type Vote = 'support' | 'object';

export interface Statements {
  /** Credentials: what the nominee has done. */
  credentials: string;
  /** The nominator's statement of support. */
  support: string;
  /** The nominee's statement of intent, filled from their DM. */
  intent?: string;
}

export interface Nomination {
  id: string;
  kind: 'nominate' | 'offboard';
  subprojectId: string;
  personId: string;
  nominatorId: string;
  status: NominationStatus;
  statements: Statements;
  issueNumber?: number;
  issueUrl?: string;
  deadlineAt?: Date;
  createdAt: Date;
}

export type Decision = { kind: 'pending' } | { kind: 'accepted'; by: 'lazy-consensus' | 'vote'; support: number; object: number } | { kind: 'rejected'; support: number; object: number };

/**
 * Lazy consensus: at the deadline, no objection means accepted. An objection turns it into a
 * vote of those who voted: more Support than Object accepts, otherwise it is rejected. Before the
 * deadline nothing is decided (people may still object or change their vote).
 */
export function decideNomination(votes: readonly { vote: Vote }[], deadlineAt: Date, now: Date): Decision {
  if (now.getTime() < deadlineAt.getTime()) return { kind: 'pending' };
  const support = votes.filter((v) => v.vote === 'support').length;
  const object = votes.length - support;
  if (object === 0) return { kind: 'accepted', by: 'lazy-consensus', support, object };
  return support > object ? { kind: 'accepted', by: 'vote', support, object } : { kind: 'rejected', support, object };
}

/** Why a nomination cannot start, or undefined. */
export function nominationProblem(input: { personKnown: boolean; alreadyOwner: boolean; openNomination: boolean; mention: string; subprojectId: string }): string | undefined {
  if (!input.personKnown) return `${input.mention} is not in the config's people: add them there first (id, Slack id, GitHub, affiliation, timezone).`;
  if (input.alreadyOwner) return `${input.mention} is already an owner of \`${input.subprojectId}\`.`;
  if (input.openNomination) return `${input.mention} already has an open nomination for \`${input.subprojectId}\`.`;
  return undefined;
}

/** Offboarding: refused when it would leave fewer owners than the charter asks, unless a lead confirms. */
export function offboardProblem(input: { isOwner: boolean; ownersAfter: number; minimum: number; leadConfirmed: boolean; mention: string; subprojectId: string }): string | undefined {
  if (!input.isOwner) return `${input.mention} is not an owner of \`${input.subprojectId}\`.`;
  if (input.ownersAfter < input.minimum && !input.leadConfirmed)
    return (
      `Offboarding ${input.mention} would leave \`${input.subprojectId}\` with ${input.ownersAfter} owner${input.ownersAfter === 1 ? '' : 's'}; the charter asks for at least ${input.minimum}. ` +
      `Nominate a new owner first (\`/k8s-infra owners nominate @person ${input.subprojectId}\`), or a lead may confirm with \`/k8s-infra owners offboard @person ${input.subprojectId} confirm\`.`
    );
  return undefined;
}
