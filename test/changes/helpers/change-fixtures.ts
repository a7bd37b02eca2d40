import { announceChange, type Announcement } from '../../../src/changes/domain/announce.ts';
import type { Change } from '../../../src/changes/domain/change.ts';
import type { ChangeRules } from '../../../src/changes/domain/rules.ts';

/** Review rules like config/infra.yaml's, by Slack id. */
export function testRules(overrides: Partial<ChangeRules> = {}): ChangeRules {
  const sig = (id: string, name: string, channel: string | undefined, reviewers: string[]) => [id, { id, name, channel, reviewers: new Set(reviewers) }] as const;
  return {
    channel: 'wg-k8s-infra',
    mediumNeedsLazyConsensus: true,
    deadlineWorkingDays: { medium: 3, high: 5 },
    reminderHoursBefore: 24,
    approvals: { low: 1, medium: 1 },
    consultation: ['sig-contributor-experience'],
    sigs: new Map([
      sig('sig-k8s-infra', 'SIG K8s Infra', 'wg-k8s-infra', ['U0AMEUKAM', 'U0DIMS001']),
      sig('sig-contributor-experience', 'SIG Contributor Experience', 'sig-contribex', ['U0NIKHITA', 'U0MRBOBBY']),
      sig('sig-testing', 'SIG Testing', 'sig-testing', ['U0BENTHEE', 'U0SPIFFXP']),
      sig('sig-docs', 'SIG Docs', 'sig-docs', []),
    ]),
    groupMembers: new Set(['U0AMEUKAM', 'U0DIMS001', 'U0NIKHITA', 'U0BENTHEE', 'U0SPIFFXP', 'U0JIMANGE', 'U0XMUDRII']),
    leads: new Set(['U0AMEUKAM', 'U0DIMS001', 'U0SPIFFXP']),
    quietPeriods: [],
    repo: 'kubernetes/k8s.io',
    notice: { to: 'dev@kubernetes.io', archive: 'https://groups.google.com/a/kubernetes.io/g/dev/' },
    ...overrides,
  };
}

export const T0 = new Date('2026-04-01T16:00:00Z');
export const AUTHOR = 'U0XMUDRII';

const SERVICE_SIGS: Record<string, string[]> = { gke: ['sig-k8s-infra', 'sig-testing'], website: ['sig-docs', 'sig-k8s-infra'] };

export function announcement(overrides: Partial<Announcement> = {}): Announcement {
  return {
    title: 'Add k8s-infra-rbac-newapp to gke-security-groups',
    description: 'Grants the newapp namespace.',
    rollbackPlan: 'Revert the PR.',
    services: ['gke'],
    sigs: [],
    answers: { workflows: 'likely', rollback: 'easy', reach: 'few' },
    chosenTier: undefined,
    pathTier: undefined,
    windowStart: new Date('2026-04-14T08:00:00Z'),
    windowMinutes: 60,
    pr: null,
    ...overrides,
  };
}

/** A change as announced (and, optionally, changed further by `then`). */
export function announced(overrides: Partial<Announcement> = {}, rules = testRules()): Change {
  const step = announceChange('chg-0000abcd', announcement(overrides), { slackId: AUTHOR, name: 'Marko Mudrinić', github: 'xmudrii', zone: 'Europe/Belgrade' }, (s) => SERVICE_SIGS[s] ?? [], rules, T0);
  if (!step.ok) throw new Error(step.reason);
  return step.change;
}
