import type { AuditEntry } from '../../../src/platform/store/audit-log.ts';
import { accessPeople } from '../../../src/access/access-people.ts';
import type { AccessRequest } from '../../../src/access/domain/access-request.ts';
import type { AccessPolicy } from '../../../src/access/domain/access-request-lifecycle.ts';
import type { GroupCatalog } from '../../../src/access/domain/group-catalog.ts';
import type { GroupsCatalog } from '../../../src/access/ports/groups-catalog.ts';
import { loadGroupCatalog } from '../../../src/access/use-cases/load-group-catalog.ts';
import { ManualClock } from '../../../src/core/clock.ts';
import { LocalDirectoryGroupsSource } from '../../../src/integrations/github/local-directory-groups-source.ts';
import type { JobContext } from '../../../src/platform/jobs/define-job.ts';
import type { Once } from '../../../src/platform/outbox/commit-transition.ts';
import { testConfig } from '../../helpers/test-config.ts';
import { K8S_IO_CHECKOUT } from './fixtures.ts';

/** People of config/infra.yaml, as the e2e tests know them. */
export const JIM = 'U0JIMANGE'; // requester; not an approver of groups/sig-k8s-infra
export const AMEUKAM = 'U0AMEUKAM'; // approvers of groups/sig-k8s-infra
export const DIMS = 'U0DIMS001';
export const BEN = 'U0BENTHEE'; // not an approver

export const AUDITORS = 'k8s-infra-gcp-auditors@kubernetes.io';
export const policy: AccessPolicy = { channel: 'wg-k8s-infra', twoApproverPattern: '-admins@', reminderDaysBeforeExpiry: 3 };
export const rules = { maxTemporaryAccessDays: 365, lockedGroups: ['k8s-infra-gcp-org-admins@kubernetes.io', 'k8s-infra-group-admins@kubernetes.io'] };

export const people = () => accessPeople(testConfig().people);
export const clockAt = (iso = '2022-01-19T12:00:00Z') => new ManualClock(iso);

/** The real kubernetes/k8s.io groups (test/fixtures/k8s.io). */
export function k8sIoCatalog(): Promise<GroupCatalog> {
  return loadGroupCatalog(new LocalDirectoryGroupsSource(K8S_IO_CHECKOUT));
}

/** A catalog port over a fixed catalog (or one that fails, or never answers). */
export function catalogOf(catalog: GroupCatalog | Error | 'never'): GroupsCatalog & { refreshes: number } {
  const get = (): Promise<GroupCatalog> => (catalog === 'never' ? new Promise(() => {}) : catalog instanceof Error ? Promise.reject(catalog) : Promise.resolve(catalog));
  const port = {
    refreshes: 0,
    get,
    refresh: () => {
      port.refreshes++;
      return get();
    },
  };
  return port;
}

/** `platform.once` in memory. */
export function memoryOnce(): Once & { keys: Set<string> } {
  const keys = new Set<string>();
  const once = async (key: string, work: () => Promise<void>) => {
    if (keys.has(key)) return 'already-done' as const;
    await work();
    keys.add(key);
    return 'done' as const;
  };
  return Object.assign(once, { keys });
}

/** A claimed job as the runner hands it to a handler. */
export function claimedJob(id: string, attempts = 1): JobContext {
  return { job: { id, kind: 'test', dueAt: new Date(0), attempts }, worker: 'test-worker', now: new Date(0), complete: async () => true, signal: new AbortController().signal };
}

/** A pending request for the auditors group from Jim, before anyone approved. */
export function pendingRequest(changes: Partial<AccessRequest> = {}): AccessRequest {
  return {
    id: 'ar-0123456789ab',
    status: 'pending',
    group: { emailId: AUDITORS, name: 'k8s-infra-gcp-auditors', file: 'groups/sig-k8s-infra/groups.yaml' },
    memberEmail: 'sj7trunks@pendulus.net',
    requester: { slackUserId: JIM, github: 'jimangel', email: 'jimangel@example.org', name: 'Jim Angel' },
    justification: 'Cost review for the Q1 budget.',
    requiredApprovals: 1,
    approversAtRequest: ['ameukam', 'dims'],
    approvals: [],
    createdAt: '2022-01-19T12:00:00.000Z',
    updatedAt: '2022-01-19T12:00:00.000Z',
    version: 1,
    ...changes,
  };
}

/** A request whose pull request is open (merged next by the webhook). */
export function prOpenedRequest(changes: Partial<AccessRequest> = {}): AccessRequest {
  return pendingRequest({
    status: 'pr_opened',
    approvals: [{ slackUserId: AMEUKAM, github: 'ameukam', at: '2022-01-19T12:05:00.000Z' }],
    pullRequest: { number: 7, url: 'https://github.com/kubernetes/k8s.io/pull/7', branch: 'k8s-infra-bot/access-ar-0123456789ab' },
    version: 4,
    ...changes,
  });
}

/** An audit log in memory (the AuditLog's `record`), keeping what was written. */
export function recordingAudit(): { record: (entry: AuditEntry) => Promise<string>; entries: AuditEntry[] } {
  const entries: AuditEntry[] = [];
  return { entries, record: async (entry) => (entries.push(entry), String(entries.length)) };
}
