import { z } from 'zod';
import { CHANGE_STATES, type Change } from '../domain/change.ts';
import { TIERS } from '../domain/tier.ts';

/**
 * The change as stored in `changes.data`: JSON, times as ISO strings. Read back through this
 * schema, so a row written by another version of the bot (or by hand) is a clear error, not a
 * half-read change.
 */
const date = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const tier = z.enum(TIERS);

const storedChange = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  rollbackPlan: z.string(),
  services: z.array(z.string()),
  sigs: z.array(z.string()),
  answers: z.object({ workflows: z.string(), rollback: z.string(), reach: z.string() }),
  tier,
  tierReasons: z.array(z.string()),
  author: z.string(),
  authorName: z.string(),
  authorGithub: z.string().nullable(),
  authorZone: z.string(),
  windowStart: date,
  windowEnd: date,
  pr: z.object({ repo: z.string(), number: z.number().int(), url: z.string() }).nullable(),
  prAnalysis: z
    .object({
      fileCount: z.number().int(),
      files: z.array(z.string()),
      matches: z.array(z.object({ rule: z.string(), tier, path: z.string(), detail: z.string() })),
      pathTier: tier,
      owners: z.array(z.object({ file: z.string(), approvers: z.array(z.string()), reviewers: z.array(z.string()) })),
      approvers: z.array(z.string()),
      author: z.string(),
      headSha: z.string(),
    })
    .nullable(),
  prAnalysisState: z.enum(['none', 'pending', 'done', 'failed']),
  prAnalysisError: z.string().nullable(),
  suggestedReviewers: z.array(z.string()),
  lazy: z
    .object({
      generation: z.number().int(),
      issue: z.object({ number: z.number().int(), url: z.string() }).nullable(),
      startedAt: date.nullable(),
      deadline: date.nullable(),
      deadlineNotes: z.array(z.string()),
      noticeSentAt: date.nullable(),
      noticeUrl: z.string().nullable(),
      outcome: z.enum(['pending', 'reached', 'blocked', 'waiting-for-notice', 'accepted']),
      outcomeAt: date.nullable(),
    })
    .nullable(),
  hold: z.object({ placed: z.boolean(), cancelled: z.boolean(), heldByOthers: z.boolean() }),
  message: z.object({ channel: z.string(), ts: z.string(), permalink: z.string().nullable() }).nullable(),
  state: z.enum(CHANGE_STATES),
  decidedAt: date.nullable(),
  decidedBy: z.string().nullable(),
  decisionNote: z.string().nullable(),
  windowAnnouncedAt: date.nullable(),
  incidentFlags: z.array(z.string()),
  finishedAt: date.nullable(),
  finishedBy: z.string().nullable(),
  createdAt: date,
  version: z.number().int(),
});

export function writeChangeData(change: Change): string {
  return JSON.stringify(change);
}

export function readChangeData(text: string): Change {
  const parsed = storedChange.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`a stored change does not match its schema: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
