/** Every action_id and callback_id the rota capability renders or listens to. */
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
} as const;
