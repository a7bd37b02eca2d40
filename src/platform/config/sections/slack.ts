import { z } from 'zod';

/**
 * The Slack workspace the bot serves (Kubernetes Slack is T09NY5SBT). Requests from any other
 * workspace or organisation, including Slack Connect users in shared channels, are refused
 * before a listener runs. In local mode the sandbox's own workspace is used instead.
 */
export const slackSchema = z.strictObject({
  teamId: z.string().regex(/^T[A-Z0-9]{2,}$/, 'expected a Slack team id like T09NY5SBT'),
  /** Only for an Enterprise Grid install: the org's id (E…). */
  enterpriseId: z.string().regex(/^E[A-Z0-9]{2,}$/, 'expected a Slack enterprise id like E0123ABC').optional(),
});
export type SlackSettings = z.infer<typeof slackSchema>;
