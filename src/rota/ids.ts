/**
 * Every action_id, callback_id and block_id the rota capability renders or listens to. Messages
 * and modals already in Slack carry them: never change a value.
 */
export const ROTA_IDS = {
  actions: {
    overrideSubproject: 'rota.override_subproject',
    overridePerson: 'rota.override_person',
    overrideFrom: 'rota.override_from',
    overrideTo: 'rota.override_to',
    swapPerson: 'rota.swap_person',
    swapMine: 'rota.swap_my_shift',
    swapTheirs: 'rota.swap_their_shift',
    swapAccept: 'rota.swap_accept',
    swapDecline: 'rota.swap_decline',
  },
  callbacks: {
    override: 'rota.override',
    swap: 'rota.swap_propose',
  },
  blocks: {
    overrideSubproject: 'rota.override_subproject_block',
    overridePerson: 'rota.override_person_block',
    overrideFrom: 'rota.override_from_block',
    overrideTo: 'rota.override_to_block',
    swapPerson: 'rota.swap_person_block',
    swapMine: 'rota.swap_mine_block',
    swapTheirs: 'rota.swap_theirs_block',
  },
} as const;
