/** Every action_id and callback_id the incidents capability renders or listens to. */
export const INCIDENTS_IDS = {
  actions: {
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
  callbacks: {
    declare: 'incidents.declare',
    update: 'incidents.update',
    resolve: 'incidents.resolve',
  },
} as const;

/** Block ids equal action ids, so inline errors (`response_action: errors`) name the field. */
export const INCIDENT_BLOCKS = INCIDENTS_IDS.actions;
