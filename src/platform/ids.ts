/**
 * Every action_id, callback_id and block_id the bot uses, in one place: handlers register on
 * these, views render them, and a test checks the manifest and uniqueness against this file.
 */
export const ACTION_IDS = {
  help: {
    runExample: 'help.run_example',
  },
  rota: {
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
  paging: {
    acknowledge: 'paging.acknowledge',
    escalate: 'paging.escalate_now',
    resolve: 'paging.resolve',
    severity: 'paging.severity',
    summary: 'paging.summary',
    details: 'paging.details',
  },
  access: {
    groupSelect: 'access.group_select',
    approve: 'access.approve',
    deny: 'access.deny',
    email: 'access.email',
    justification: 'access.justification',
    duration: 'access.duration',
    until: 'access.until',
    denyReason: 'access.deny_reason',
  },
  incidents: {
    title: 'incidents.title',
    severity: 'incidents.severity',
    services: 'incidents.services',
    commander: 'incidents.commander',
    description: 'incidents.description',
    page: 'incidents.page',
    incident: 'incidents.incident',
    status: 'incidents.status',
    message: 'incidents.message',
    resolution: 'incidents.resolution',
  },
  status: {},
} as const;

export const CALLBACK_IDS = {
  rota: {
    override: 'rota.override',
    swap: 'rota.swap_propose',
  },
  paging: {
    create: 'paging.create_page',
  },
  access: {
    request: 'access.request',
    deny: 'access.deny_request',
  },
  incidents: {
    declare: 'incidents.declare',
    update: 'incidents.update',
    resolve: 'incidents.resolve',
  },
} as const;

/** Walks a nested id table into a flat list (for uniqueness and manifest checks). */
export function allIds(table: object): string[] {
  return Object.values(table).flatMap((v: unknown) => (typeof v === 'string' ? [v] : v && typeof v === 'object' ? allIds(v) : []));
}
