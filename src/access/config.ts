import { z } from 'zod';
import { configSection } from '../platform/capability.ts';

const regexSource = (what: string) =>
  z.string().min(1).refine(
    (s) => {
      try {
        new RegExp(s);
        return true;
      } catch {
        return false;
      }
    },
    { message: `not a valid regular expression (${what})` },
  );

/** Access requests: where group definitions live, who must approve, and how temporary access ends. */
export const accessSettingsSchema = z.strictObject({
  /** Channel (name, no #) where requests are posted for approval. */
  channel: z.string().regex(/^[a-z0-9_-]{1,80}$/, 'expected a Slack channel name without #').default('wg-k8s-infra'),
  /** Repository holding the groups, `owner/name`. */
  repo: z.string().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'expected owner/name').default('kubernetes/k8s.io'),
  branch: z.string().min(1).default('main'),
  /** Folder with groups.yaml files, relative to the repository root. */
  groupsPath: z.string().min(1).default('groups'),
  /**
   * Repository (`owner/name`) the bot pushes its branches to, when it may not push to `repo`
   * (a fork); pull requests still target `repo`. Defaults to `repo` itself.
   */
  headRepo: z.string().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'expected owner/name').optional(),
  /** `github`: read the catalog from `repo`@`branch`; `{ dir }`: from a checkout on disk (its root). */
  source: z.union([z.literal('github'), z.strictObject({ dir: z.string().min(1) })]).default('github'),
  /** Groups whose e-mail id matches this regular expression need two distinct approvers. */
  twoApproverPattern: regexSource('twoApproverPattern').default('-admins@'),
  /**
   * Days before temporary access ends that the requester and the grant's approvers get a DM with
   * Extend and End now. A single number is the earlier form (one reminder, to the requester).
   */
  reminderDaysBeforeExpiry: z.union([z.number().int().min(0).max(60), z.array(z.number().int().min(1).max(60)).max(5)]).default([7, 1]),
  /** Longest temporary grant one request may ask for. */
  maxTemporaryAccessDays: z.number().int().min(1).max(3660).default(365),
  /**
   * Groups whose membership the repository's own tests pin (TestHardcodedGroupsForParanoia):
   * never changed through a request.
   */
  lockedGroups: z.array(z.string().min(1)).default(['k8s-infra-gcp-org-admins@kubernetes.io', 'k8s-infra-group-admins@kubernetes.io']),
  /** Where the access audit trail is also written (Google Cloud Logging). */
  cloudLogging: z
    .strictObject({
      projectId: z.string().min(1),
      logName: z.string().regex(/^[A-Za-z0-9_.\/-]{1,512}$/, 'expected a log id such as k8s-infra-bot-access').default('k8s-infra-bot-access'),
    })
    .optional(),
});

export type AccessSettings = z.infer<typeof accessSettingsSchema>;

/** `access:` — where groups are defined, who approves, how temporary access ends. */
export const accessConfig = configSection({ key: 'access', schema: accessSettingsSchema.default(accessSettingsSchema.parse({})) });
