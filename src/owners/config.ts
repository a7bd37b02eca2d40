import { z } from 'zod';
import { configSection, type RawConfig } from '../platform/capability.ts';
import { entries, idsOf, type ConfigIssue } from '../platform/config/cross-references.ts';
import { routingKeyReader } from '../platform/config/env.ts';
import { parseContactKeys } from './contact-keys.ts';

const repoName = z.string().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'expected owner/name');
const channelName = z.string().regex(/^[a-z0-9_-]{1,80}$/, 'expected a Slack channel name without #');

const ownersSchema = z
  .strictObject({
    /** Where nominations and offboardings are filed as issues (the group's decisions). */
    repo: repoName.default('kubernetes/k8s.io'),
    /** Where the weekly staffing check posts (only when something got worse). */
    staffingChannel: channelName.default('wg-k8s-infra'),
    /** Lazy consensus on a nomination: this many working days of the subproject's owners. */
    consensusWorkingDays: z.number().int().min(1).max(30).default(5),
    /** The shadow period booked in the rota for a new owner before they are primary. */
    shadowDays: z.number().int().min(1).max(90).default(14),
    /**
     * Where this config lives in git: on acceptance (or offboarding) the bot opens the pull request
     * editing the subproject's `owners:` there. Unset: that edit is a manual step on the checklist.
     */
    configFile: z.strictObject({ repo: repoName, path: z.string().min(1), branch: z.string().min(1).default('main') }).optional(),
    /**
     * Per subproject id, what else a person edits when an owner joins or leaves, each opened by the
     * bot as pull requests (one per repository, all its files in one commit): aliases in
     * OWNERS_ALIASES, `approvers`/`reviewers` lists in OWNERS files (GitHub handles), and the
     * subproject's Google groups (e-mails, in groups.yaml through the access capability).
     */
    subprojects: z
      .record(
        z.string(),
        z.strictObject({
          ownersAliases: z.array(z.strictObject({ repo: repoName, path: z.string().min(1).default('OWNERS_ALIASES'), alias: z.string().min(1), branch: z.string().min(1).default('main') })).default([]),
          ownersFiles: z.array(z.strictObject({ repo: repoName, path: z.string().min(1), list: z.enum(['approvers', 'reviewers']), branch: z.string().min(1).default('main') })).default([]),
          groups: z.array(z.email()).default([]),
        }),
      )
      .default({}),
    /** Labels on the nomination issue. */
    labels: z.array(z.string().min(1)).default(['sig/k8s-infra', 'lazy-consensus']),
  })
  .default({ repo: 'kubernetes/k8s.io', staffingChannel: 'wg-k8s-infra', consensusWorkingDays: 5, shadowDays: 14, subprojects: {}, labels: ['sig/k8s-infra', 'lazy-consensus'] });

export type OwnersSettings = z.output<typeof ownersSchema>;

/** Contact data in infra.yaml still works for now, but belongs in the encrypted directory. */
function contactDataInConfig(config: RawConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  entries(config.people).forEach((p, i) => {
    if (p.phone !== undefined) issues.push({ path: ['people', i, 'phone'], message: 'phone numbers belong in the encrypted contact directory: move them with `k8s-infra-bot import-contacts <file>`, then delete them here' });
    if (Array.isArray(p.alternateEmails) && p.alternateEmails.length > 0)
      issues.push({ path: ['people', i, 'alternateEmails'], message: 'alternate e-mails belong in the encrypted contact directory: move them with `k8s-infra-bot import-contacts <file>`, then delete them here' });
  });
  return issues;
}

/** Every subproject named under `owners.subprojects` exists. */
function ownersReferences(config: RawConfig): ConfigIssue[] {
  const section = config.owners;
  const named = section && typeof section === 'object' && !Array.isArray(section) ? (section as Record<string, unknown>).subprojects : undefined;
  if (!named || typeof named !== 'object' || Array.isArray(named)) return [];
  const known = idsOf(config.subprojects);
  return Object.keys(named)
    .filter((id) => !known.has(id))
    .map((id) => ({ path: ['owners', 'subprojects', id], message: `unknown subproject "${id}"` }));
}

export const ownersConfig = configSection({
  key: 'owners',
  schema: ownersSchema,
  crossReferences: ownersReferences,
  warnings: contactDataInConfig,
  // check-config runs where the bot's environment is (a CI job, the pod): say whether the directory can work.
  notes: () => {
    const keys = parseContactKeys(routingKeyReader(process.env)('CONTACTS_KEY'));
    if (keys.ok) return [];
    if (keys.reason === 'invalid') return [`contact directory: ${keys.message}`];
    return ['contact directory: not configured (CONTACTS_KEY / CONTACTS_KEY_FILE unset or unreadable): `/k8s-infra contact` will say so and store nothing.'];
  },
});
