import type { View } from '@slack/types';
import { ROTA_IDS } from '../ids.ts';

export const OVERRIDE_BLOCKS = {
  subproject: ROTA_IDS.blocks.overrideSubproject,
  person: ROTA_IDS.blocks.overridePerson,
  from: ROTA_IDS.blocks.overrideFrom,
  to: ROTA_IDS.blocks.overrideTo,
} as const;

export interface OverrideModalInput {
  subprojects: readonly { id: string; name: string }[];
  initialSubproject: string;
  /** Slack id of who covers by default (the person asking). */
  initialUser: string;
  from: Date;
  to: Date;
  maxLabel: string;
}

const option = (s: { id: string; name: string }) => ({ text: { type: 'plain_text' as const, text: `${s.id}: ${s.name}`.slice(0, 75) }, value: s.id });

/** Who covers a subproject from when to when; defaults to the asker, for the current shift. */
export function overrideModal(input: OverrideModalInput): View {
  const initial = input.subprojects.find((s) => s.id === input.initialSubproject);
  return {
    type: 'modal',
    callback_id: ROTA_IDS.callbacks.override,
    title: { type: 'plain_text', text: 'Cover a shift' },
    submit: { type: 'plain_text', text: 'Create override' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `The person chosen is on call for the subproject over the period, whatever the rotation says. At most ${input.maxLabel}; owners of the subproject and leads may create one.` } },
      {
        type: 'input',
        block_id: OVERRIDE_BLOCKS.subproject,
        label: { type: 'plain_text', text: 'Subproject' },
        element: {
          type: 'static_select',
          action_id: ROTA_IDS.actions.overrideSubproject,
          options: input.subprojects.slice(0, 100).map(option),
          ...(initial ? { initial_option: option(initial) } : {}),
        },
      },
      {
        type: 'input',
        block_id: OVERRIDE_BLOCKS.person,
        label: { type: 'plain_text', text: 'Who covers' },
        element: { type: 'users_select', action_id: ROTA_IDS.actions.overridePerson, initial_user: input.initialUser },
      },
      {
        type: 'input',
        block_id: OVERRIDE_BLOCKS.from,
        label: { type: 'plain_text', text: 'From' },
        element: { type: 'datetimepicker', action_id: ROTA_IDS.actions.overrideFrom, initial_date_time: Math.floor(input.from.getTime() / 1000) },
      },
      {
        type: 'input',
        block_id: OVERRIDE_BLOCKS.to,
        label: { type: 'plain_text', text: 'To' },
        element: { type: 'datetimepicker', action_id: ROTA_IDS.actions.overrideTo, initial_date_time: Math.floor(input.to.getTime() / 1000) },
      },
    ],
  };
}
