/** Every action_id and callback_id the access capability renders or listens to. */
export const ACCESS_IDS = {
  actions: {
    groupSelect: 'access.group_select',
    approve: 'access.approve',
    deny: 'access.deny',
    email: 'access.email',
    justification: 'access.justification',
    duration: 'access.duration',
    until: 'access.until',
    denyReason: 'access.deny_reason',
  },
  callbacks: {
    request: 'access.request',
    deny: 'access.deny_request',
  },
} as const;
