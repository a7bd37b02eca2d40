import type { QuietPeriod } from '../../core/quiet-periods.ts';

/** A SIG as the review rules see it: who may review for it and where it hears of changes. */
export interface SigRules {
  id: string;
  name: string;
  channel: string | undefined;
  /** Slack ids. */
  reviewers: ReadonlySet<string>;
}

/**
 * Everything the pure rules need from the config, resolved once: Slack ids instead of person
 * ids, SIGs by id. Built by the capability from `changes:` and the core sections.
 */
export interface ChangeRules {
  /** Where changes are announced (name, no #). */
  channel: string;
  mediumNeedsLazyConsensus: boolean;
  deadlineWorkingDays: { medium: number; high: number };
  reminderHoursBefore: number;
  approvals: { low: number; medium: number };
  /** SIG ids every high-risk change is reviewed by, besides its owning SIGs. */
  consultation: readonly string[];
  sigs: ReadonlyMap<string, SigRules>;
  /** Slack ids of the group's members: the people of infra.yaml. */
  groupMembers: ReadonlySet<string>;
  /** Slack ids of the group's leads. */
  leads: ReadonlySet<string>;
  quietPeriods: readonly QuietPeriod[];
  repo: string;
  notice: { to: string; archive: string };
}

export function sigName(rules: ChangeRules, id: string): string {
  return rules.sigs.get(id)?.name ?? id;
}
