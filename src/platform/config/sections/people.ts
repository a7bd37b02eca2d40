import { z } from 'zod';
import { IANAZone } from 'luxon';
import { WEEKDAYS } from '../../../core/working-hours.ts';

export const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:mm (24-hour)');
export const ianaZone = z
  .string()
  .refine((zone) => IANAZone.isValidZone(zone), { message: 'not a valid IANA timezone (e.g. Europe/Berlin)' });
export const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lowercase letters, digits and dashes');

export const workingHoursSchema = z.strictObject({
  days: z.array(z.enum(WEEKDAYS)).min(1).default(['mon', 'tue', 'wed', 'thu', 'fri']),
  start: hhmm.default('09:00'),
  end: hhmm.default('17:00'),
});

export const personSchema = z.strictObject({
  /** Config key; the GitHub handle by convention. */
  id: z.string().min(1),
  name: z.string().min(1),
  slack: z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'expected a Slack user id such as U0123ABCD'),
  github: z.string().min(1),
  email: z.email(),
  alternateEmails: z.array(z.email()).default([]),
  /** Private: used by the pager, shown only to the person and to leads. */
  phone: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/, 'expected an E.164 phone number such as +14155550100')
    .optional(),
  timezone: ianaZone,
  workingHours: workingHoursSchema.default({ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }),
  affiliation: z.string().min(1),
});
export type Person = z.infer<typeof personSchema>;
