import type { z } from 'zod';
import { SLACK_LIMITS } from './blocks.ts';

/** A view's `private_metadata`, written as JSON; at most 3000 characters (a programming error past that). */
export function writeMetadata(value: unknown): string {
  const text = JSON.stringify(value);
  if (text.length > SLACK_LIMITS.privateMetadata) throw new Error(`private_metadata is ${text.length} characters (limit ${SLACK_LIMITS.privateMetadata})`);
  return text;
}

/**
 * Reads `private_metadata` back with its schema. Undefined when it does not parse: a view from
 * another version of the bot, or a crafted submission; the handler answers instead of throwing.
 */
export function readMetadata<S extends z.ZodType>(schema: S, raw: string | undefined): z.output<S> | undefined {
  if (!raw) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
