import type { ModalView } from '@slack/types';
import { WEEKDAYS } from '../../core/working-hours.ts';
import { context, input, modal, option, textInput } from '../../platform/slack/blocks.ts';
import type { ContactDetails } from '../domain/contact.ts';
import { OWNERS_IDS } from '../ids.ts';

const { actions: a, blocks: b } = OWNERS_IDS;
const DAY_LABEL: Record<(typeof WEEKDAYS)[number], string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };

/**
 * The person's own contact details. It is only ever opened for the person themself, so it may
 * show what they saved; nobody else sees these values outside a recorded reveal.
 */
export function contactModal(saved: ContactDetails | undefined, configDefaults: { timezone: string; start: string; end: string }): ModalView {
  const days = WEEKDAYS.map((d) => option(DAY_LABEL[d], d));
  const initialDays = saved?.workingHours ? days.filter((o) => saved.workingHours!.days.includes(o.value as (typeof WEEKDAYS)[number])) : [];
  return modal({
    callbackId: OWNERS_IDS.callbacks.contact,
    title: 'Your contact details',
    submit: 'Save',
    blocks: [
      context(
        'Stored encrypted. Nobody sees them by default: only the responders of an open page or incident involving you, or a lead with a stated reason. Every reveal is written on the timeline and told to you.',
      ),
      input({ blockId: b.phone, label: 'Phone (E.164)', optional: true, element: textInput({ actionId: a.phone, maxLength: 20, ...(saved?.phone ? { initial: saved.phone } : {}), placeholder: '+14155550100' }) }),
      input({
        blockId: b.alternateEmails,
        label: 'Alternate e-mails',
        optional: true,
        hint: 'Separated by commas or spaces.',
        element: textInput({ actionId: a.alternateEmails, maxLength: 500, ...(saved?.alternateEmails.length ? { initial: saved.alternateEmails.join(', ') } : {}) }),
      }),
      input({
        blockId: b.timezone,
        label: 'Timezone',
        optional: true,
        hint: `Overrides the config's ${configDefaults.timezone}.`,
        element: textInput({ actionId: a.timezone, maxLength: 64, ...(saved?.timezone ? { initial: saved.timezone } : {}), placeholder: 'Europe/Berlin' }),
      }),
      input({
        blockId: b.days,
        label: 'Working days',
        optional: true,
        element: { type: 'checkboxes', action_id: a.days, options: days, ...(initialDays.length ? { initial_options: initialDays } : {}) },
      }),
      input({ blockId: b.start, label: 'Working hours start (HH:mm)', optional: true, element: textInput({ actionId: a.start, maxLength: 5, ...(saved?.workingHours ? { initial: saved.workingHours.start } : {}), placeholder: configDefaults.start }) }),
      input({ blockId: b.end, label: 'Working hours end (HH:mm)', optional: true, element: textInput({ actionId: a.end, maxLength: 5, ...(saved?.workingHours ? { initial: saved.workingHours.end } : {}), placeholder: configDefaults.end }) }),
      input({
        blockId: b.order,
        label: 'Preferred contact order',
        optional: true,
        hint: 'Some of slack, phone, email, first to last.',
        element: textInput({ actionId: a.order, maxLength: 40, initial: (saved?.order ?? ['slack', 'phone', 'email']).join(', ') }),
      }),
    ],
  });
}
