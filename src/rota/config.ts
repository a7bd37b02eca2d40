import { z } from 'zod';
import { DateTime } from 'luxon';
import { WEEKDAYS } from '../core/working-hours.ts';
import { firstHandoff } from './domain/handoff-schedule.ts';
import { tempelisNote } from './domain/oncall-usergroups.ts';
import type { Rotation } from './domain/types.ts';
import { hhmm, ianaZone, slug } from '../platform/config/sections/people.ts';
import { configSection } from '../platform/capability.ts';
import { duplicateIds, entries, idsOf, personCheck, strings, type ConfigIssue } from '../platform/config/cross-references.ts';

const rotationWindowSchema = z.strictObject({
  days: z.array(z.enum(WEEKDAYS)).min(1),
  start: hhmm,
  /** Not after `start`: the window runs past midnight; equal to `start`: 24 hours. */
  end: hhmm,
  timezone: ianaZone,
});

const secondarySchema = z.union([z.literal('next'), z.strictObject({ rotation: z.string().min(1) })]);

const startSchema = z.iso.datetime({ offset: true, message: 'expected an ISO 8601 date-time with offset, e.g. 2026-01-05T09:00:00-08:00' });

export const rotationSchema = z
  .strictObject({
    id: slug,
    name: z.string().min(1).optional(),
    participants: z
      .array(z.string().min(1))
      .min(1, 'a rotation needs at least one participant')
      .superRefine((ids, ctx) => {
        const seen = new Set<string>();
        ids.forEach((id, i) => {
          if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [i], message: `"${id}" is listed twice` });
          seen.add(id);
        });
      }),
    shift: z.strictObject({
      length: z.int().min(1),
      unit: z.enum(['hours', 'days', 'weeks']),
    }),
    handoff: z.strictObject({ time: hhmm, timezone: ianaZone }),
    /** The first handoff, with an explicit offset, e.g. "2026-01-05T09:00:00-08:00". */
    start: startSchema,
    window: rotationWindowSchema.optional(),
    secondary: secondarySchema.optional(),
  })
  .superRefine((rotation, ctx) => {
    if (typeof rotation.secondary === 'object' && rotation.secondary.rotation === rotation.id) {
      ctx.addIssue({ code: 'custom', path: ['secondary', 'rotation'], message: 'a rotation cannot be its own secondary' });
    }
    // Every handoff follows `handoff.time`; a start at another wall time would silently move.
    // Zod runs this even when fields above failed, so only check a rotation that is whole.
    const start = new Date(rotation.start);
    const whole =
      Number.isInteger(rotation.shift?.length) &&
      rotation.shift.length >= 1 &&
      hhmm.safeParse(rotation.handoff?.time).success &&
      ianaZone.safeParse(rotation.handoff?.timezone).success &&
      startSchema.safeParse(rotation.start).success;
    if (!whole) return;
    const expected = firstHandoff({ start, handoff: rotation.handoff, shift: rotation.shift });
    if (expected.getTime() !== start.getTime()) {
      const local = DateTime.fromJSDate(expected, { zone: rotation.handoff.timezone }).toISO({ suppressMilliseconds: true });
      ctx.addIssue({
        code: 'custom',
        path: ['start'],
        message: `start must be a handoff (${rotation.handoff.time} ${rotation.handoff.timezone}); did you mean "${local}"?`,
      });
    }
  });

export type RotationConfig = z.infer<typeof rotationSchema>;

/** The domain form the rota engine works with. */
export function toRotation(config: RotationConfig): Rotation {
  return {
    id: config.id,
    name: config.name ?? config.id,
    participants: [...config.participants],
    shift: { ...config.shift },
    handoff: { ...config.handoff },
    start: new Date(config.start),
    ...(config.window ? { window: { ...config.window, days: [...config.window.days] } } : {}),
    ...(config.secondary ? { secondary: typeof config.secondary === 'string' ? config.secondary : { ...config.secondary } } : {}),
  };
}

/** `rotations:` — who rotates through each on-call layer, and when shifts hand off. */
export const rotaConfig = configSection({
  key: 'rotations',
  schema: z.array(rotationSchema).default([]),
  crossReferences: (config) => {
    const person = personCheck(config);
    const rotations = idsOf(config.rotations);
    const issues: ConfigIssue[] = [...duplicateIds('rotations', config.rotations)];
    entries(config.subprojects).forEach((s, i) =>
      strings(s.rotations).forEach((r, j) => {
        if (!rotations.has(r)) issues.push({ path: ['subprojects', i, 'rotations', j], message: `unknown rotation "${r}"` });
      }),
    );
    entries(config.rotations).forEach((r, i) => {
      strings(r.participants).forEach((p, j) => issues.push(...person(['rotations', i, 'participants', j], p)));
      const secondary = r.secondary;
      if (secondary !== null && typeof secondary === 'object' && 'rotation' in secondary) {
        const other = secondary.rotation;
        if (typeof other === 'string' && !rotations.has(other)) issues.push({ path: ['rotations', i, 'secondary', 'rotation'], message: `unknown rotation "${other}"` });
      }
    });
    return issues;
  },
  // The user groups announce-handoff keeps (subprojects with `syncUsergroup: true`), for Tempelis.
  notes: (config) => {
    const groups = entries(config.subprojects)
      .filter((s) => s.syncUsergroup === true && typeof s.id === 'string')
      .map((s) => ({ subprojectId: String(s.id), rotations: strings(s.rotations) }));
    const note = tempelisNote(groups);
    return note ? [note] : [];
  },
});
