import { IANAZone } from 'luxon';
import { validateDetailed } from 'node-cron';
import { z } from 'zod';
import { configSection, type KnownNames, type RawConfig } from '../platform/capability.ts';
import { entries, type ConfigIssue } from '../platform/config/cross-references.ts';

/** Five fields (minute hour day-of-month month day-of-week): a report never needs seconds. */
export function cronProblem(expression: string): string | undefined {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) return `expected a cron expression of five fields (minute hour day month weekday), got ${fields.length}`;
  const checked = validateDetailed(expression);
  if (checked.valid) return undefined;
  return `bad cron expression: ${checked.errors.map((e) => `${e.field}${e.value === undefined ? '' : ` "${e.value}"`}: ${e.message}`).join('; ') || 'not understood'}`;
}

const scheduleSchema = z
  .strictObject({
    /** Names the schedule in logs, audit and the keys of its posts: never rename one that fired. */
    name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'expected a lower-case name (letters, digits, -)'),
    cron: z.string().min(1),
    timezone: z.string().min(1).default('UTC'),
    /** A report some capability contributes: oncall-digest, staffing, open-summary. */
    report: z.string().min(1),
    /** A channel name (without #) the config already uses, or a channel id. */
    channel: z.string().regex(/^([a-z0-9_-]{1,80}|[CG][A-Z0-9]{2,})$/, 'expected a Slack channel name without # or a channel id'),
    /** A firing missed while no replica was running: post it once when one starts, or skip it. */
    missed: z.enum(['post-late', 'skip']).default('post-late'),
  })
  .superRefine((s, ctx) => {
    const cron = cronProblem(s.cron);
    if (cron) ctx.addIssue({ code: 'custom', path: ['cron'], message: cron });
    if (!IANAZone.isValidZone(s.timezone)) ctx.addIssue({ code: 'custom', path: ['timezone'], message: `unknown timezone "${s.timezone}" (expected an IANA name such as Europe/Berlin)` });
  });
export type Schedule = z.infer<typeof scheduleSchema>;

/** Every channel name the rest of the config posts to: `channels:` and every `channel:` key. */
function knownChannels(config: RawConfig): Set<string> {
  const names = new Set<string>();
  const walk = (value: unknown, key?: string): void => {
    if (key === 'channel' && typeof value === 'string') names.add(value);
    if (Array.isArray(value)) value.forEach((v) => walk(v));
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (k !== 'schedules') walk(v, k);
  };
  walk(config);
  for (const ref of Object.values((config.channels ?? {}) as Record<string, unknown>)) {
    if (ref !== null && typeof ref === 'object' && typeof (ref as { name?: unknown }).name === 'string') names.add((ref as { name: string }).name);
  }
  return names;
}

function scheduleReferences(config: RawConfig, known: KnownNames): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const channels = knownChannels(config);
  const seen = new Set<string>();
  entries(config.schedules).forEach((s, i) => {
    if (typeof s.name === 'string') {
      if (seen.has(s.name)) issues.push({ path: ['schedules', i, 'name'], message: `duplicate schedule name "${s.name}"` });
      seen.add(s.name);
    }
    if (typeof s.report === 'string' && !known.reports.includes(s.report)) {
      issues.push({ path: ['schedules', i, 'report'], message: `unknown report "${s.report}" (known: ${[...known.reports].sort().join(', ')})` });
    }
    // A malformed name or a channel id is left to the schema.
    if (typeof s.channel === 'string' && /^[a-z0-9_-]{1,80}$/.test(s.channel) && !channels.has(s.channel)) {
      issues.push({ path: ['schedules', i, 'channel'], message: `unknown channel "${s.channel}" (not in channels: nor any channel: of this file; known: ${[...channels].sort().join(', ')})` });
    }
  });
  return issues;
}

/** `schedules:` — reports posted to a channel on a cron expression in a timezone. */
export const reportsConfig = configSection({ key: 'schedules', schema: z.array(scheduleSchema).default([]), crossReferences: scheduleReferences });
