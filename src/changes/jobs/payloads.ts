import { z } from 'zod';

/** The stored forms of the domain's delivery intents (jobs validate their payloads with these). */
export const targetSchema = z.discriminatedUnion('to', [
  z.object({ to: z.literal('thread') }),
  z.object({ to: z.literal('channel'), channel: z.string() }),
  z.object({ to: z.literal('dm'), user: z.string() }),
]);

export const saySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('note'), text: z.string() }),
  z.object({ kind: z.literal('review-request') }),
  z.object({ kind: z.literal('shared') }),
  z.object({ kind: z.literal('notice') }),
  z.object({ kind: z.literal('window'), flags: z.array(z.string()) }),
  z.object({ kind: z.literal('decide'), text: z.string() }),
]);

export const githubActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('open-issue') }),
  z.object({ kind: z.literal('comment-issue'), body: z.string() }),
  z.object({ kind: z.literal('comment-pr'), body: z.string(), hold: z.enum(['place', 'cancel']).optional() }),
  z.object({ kind: z.literal('close-issue'), body: z.string() }),
]);

export const changeIdPayload = z.object({ changeId: z.string() });
