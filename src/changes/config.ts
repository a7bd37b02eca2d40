import { z } from 'zod';
import { configSection, type RawConfig } from '../platform/capability.ts';
import { entries, idsOf, personCheck, strings, type ConfigIssue } from '../platform/config/cross-references.ts';
import { isValidDay, quietPeriodShape } from '../core/quiet-periods.ts';
import { TIERS } from './domain/tier.ts';

const repoName = z.string().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'expected owner/name');
const channelName = z.string().regex(/^[a-z0-9_-]{1,80}$/, 'expected a Slack channel name without #');
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lowercase letters, digits and dashes');
const regexSource = z
  .string()
  .min(1)
  .refine(
    (s) => {
      try {
        new RegExp(s);
        return true;
      } catch {
        return false;
      }
    },
    { message: 'not a valid regular expression' },
  );

/** A reviewer: a person of `people:` by id, or someone outside the group by GitHub handle and Slack id. */
const reviewerSchema = z.union([
  z.string().min(1),
  z.strictObject({ github: z.string().min(1), slack: z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'expected a Slack user id such as U0123ABCD') }),
]);

const sigSchema = z.strictObject({
  /** As the community spells it, and as `services[].sigs` names it: sig-release. */
  id: slug,
  name: z.string().min(1),
  /** Where medium and high changes affecting the SIG are shared (name without #). */
  channel: channelName.optional(),
  /** Who may review for the SIG (a high-risk change needs one of each owning SIG's). */
  reviewers: z.array(reviewerSchema).default([]),
});

const dayString = z.string().refine(isValidDay, { message: 'expected MM-DD (every year) or YYYY-MM-DD (once)' });
const quietPeriodSchema = z
  .strictObject({ name: z.string().min(1), from: dayString, to: dayString })
  .superRefine((p, ctx) => {
    const problem = quietPeriodShape(p);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['to'] });
  });

const pathRuleSchema = z
  .strictObject({
    name: z.string().min(1),
    /** Globs on repository paths: `*` within a folder, `**` across folders. */
    paths: z.array(z.string().min(1)).min(1),
    tier: z.enum(TIERS),
    /** Only when records of these types change in an octodns zone file (read as PyYAML reads it). */
    recordTypes: z.array(z.string().regex(/^[A-Z]+$/, 'expected a record type such as NS')).min(1).optional(),
    /** Only when the members, managers or owners change of a group whose email-id matches (groups.yaml). */
    groupMembership: regexSource.optional(),
    /** Only when a group whose email-id matches is added (groups.yaml). */
    newGroup: regexSource.optional(),
  })
  .refine((r) => [r.recordTypes, r.groupMembership, r.newGroup].filter((c) => c !== undefined).length <= 1, {
    message: 'a rule has at most one of recordTypes, groupMembership, newGroup',
  });

/** The charter's examples of what makes a change to kubernetes/k8s.io risky, by the files it touches. */
export const DEFAULT_PATH_RULES: z.input<typeof pathRuleSchema>[] = [
  { name: 'Group restrictions', paths: ['groups/restrictions.yaml'], tier: 'high' },
  { name: 'NS records (DNS delegation)', paths: ['dns/zone-configs/*.yaml'], recordTypes: ['NS'], tier: 'high' },
  { name: 'gke-security-groups membership', paths: ['groups/**/groups.yaml'], groupMembership: '^gke-security-groups@kubernetes\\.io$', tier: 'high' },
  { name: 'New staging project', paths: ['groups/**/groups.yaml'], newGroup: '^k8s-infra-staging-[a-z0-9-]+@kubernetes\\.io$', tier: 'medium' },
  { name: 'SIG group membership', paths: ['groups/sig-*/groups.yaml'], tier: 'low' },
];

export const changesSettingsSchema = z.strictObject({
  /** Where changes are announced and reviewed (name, no #). */
  channel: channelName.default('wg-k8s-infra'),
  /** Where lazy-consensus issues are opened: the group's decisions in a linkable medium. */
  repo: repoName.default('kubernetes/k8s.io'),
  /** Pull requests the bot reads to classify a change; a PR of any other repository is refused. */
  pullRequestRepos: z.array(repoName).min(1).default(['kubernetes/k8s.io']),
  labels: z.array(z.string().min(1)).default(['sig/k8s-infra', 'lazy-consensus']),
  /** Working days of lazy consensus, counted in every affected owner's timezone. */
  deadlineWorkingDays: z
    .strictObject({ medium: z.number().int().min(1).max(30).default(3), high: z.number().int().min(1).max(30).default(5) })
    .default({ medium: 3, high: 5 }),
  /** The reminder comes this long before the deadline. */
  reminderHoursBefore: z.number().int().min(1).max(168).default(24),
  /** The charter: a medium-risk change "may need" lazy consensus; high always does. */
  mediumNeedsLazyConsensus: z.boolean().default(true),
  /** Approvals a low or medium change needs from members of the group or of an affected SIG. */
  approvals: z.strictObject({ low: z.number().int().min(1).max(5).default(1), medium: z.number().int().min(1).max(5).default(1) }).default({ low: 1, medium: 1 }),
  /** SIGs a high-risk change is always reviewed by, besides its owning SIGs. */
  consultation: z.array(slug).default(['sig-contributor-experience']),
  /** The kubernetes-dev@ notice: the list (dev@kubernetes.io since 2023), the sender, and where its archive lives. */
  notice: z
    .strictObject({
      to: z.email().default('dev@kubernetes.io'),
      from: z.email().default('k8s-infra-bot@kubernetes.io'),
      /** A pasted archive link must start with this. */
      archive: z.url({ protocol: /^https$/, error: 'expected an https:// URL' }).default('https://groups.google.com/a/kubernetes.io/g/dev/'),
    })
    .default({ to: 'dev@kubernetes.io', from: 'k8s-infra-bot@kubernetes.io', archive: 'https://groups.google.com/a/kubernetes.io/g/dev/' }),
  sigs: z.array(sigSchema).default([]),
  /** No lazy consensus is counted on these days (in each owner's zone): holidays, KubeCon weeks. */
  quietPeriods: z.array(quietPeriodSchema).default([]),
  /** Tiers suggested by the files a pull request changes (a rule can raise a tier, never lower it). */
  pathRules: z.array(pathRuleSchema).default(DEFAULT_PATH_RULES),
});

export type ChangesSettings = z.infer<typeof changesSettingsSchema>;
export type SigSettings = z.infer<typeof sigSchema>;
export type PathRuleSettings = z.infer<typeof pathRuleSchema>;

/** References the schema cannot see: reviewers who are people, declared SIGs. Skips what is malformed. */
function checkChangesReferences(config: RawConfig): ConfigIssue[] {
  const section = config.changes;
  if (section === null || typeof section !== 'object' || Array.isArray(section)) return [];
  const raw = section as Record<string, unknown>;
  const issues: ConfigIssue[] = [];
  const person = personCheck(config);
  const sigs = idsOf(raw.sigs);
  const seen = new Map<string, number>();
  entries(raw.sigs).forEach((s, i) => {
    if (typeof s.id === 'string') {
      if (seen.has(s.id)) issues.push({ path: ['changes', 'sigs', i, 'id'], message: `duplicate SIG "${s.id}" (first at index ${seen.get(s.id)})` });
      else seen.set(s.id, i);
    }
    if (Array.isArray(s.reviewers)) s.reviewers.forEach((r, j) => issues.push(...person(['changes', 'sigs', i, 'reviewers', j], r)));
  });
  const consultation = Array.isArray(raw.consultation) ? strings(raw.consultation) : 'consultation' in raw ? [] : ['sig-contributor-experience'];
  consultation.forEach((id, i) => {
    if (!sigs.has(id)) issues.push({ path: ['changes', 'consultation', i], message: `unknown SIG "${id}" (declare it under changes.sigs)` });
  });
  entries(config.services).forEach((s, i) =>
    strings(s.sigs).forEach((id, j) => {
      if (!sigs.has(id)) issues.push({ path: ['services', i, 'sigs', j], message: `SIG "${id}" is not declared under changes.sigs (its channel and reviewers)` });
    }),
  );
  return issues;
}

/** `changes:` — risk tiers, reviews, lazy consensus and its calendar, as the charter defines them. */
export const changesConfig = configSection({
  key: 'changes',
  schema: changesSettingsSchema.default(changesSettingsSchema.parse({})),
  crossReferences: checkChangesReferences,
});
