/**
 * Every action_id, callback_id and block_id the access capability renders or listens to. The
 * values are in deployed messages and open modals: never change one.
 */
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
    /** The requester withdraws a request still waiting. */
    cancel: 'access.cancel',
    /** The request modal's comment-section picker and note, shown for lists that have them. */
    section: 'access.section',
    note: 'access.note',
  },
  callbacks: {
    request: 'access.request',
    deny: 'access.deny_request',
  },
  blocks: {
    /** The request modal's inputs: the same names as the validation's error keys. */
    group: 'group',
    email: 'email',
    justification: 'justification',
    duration: 'duration',
    until: 'until',
    section: 'section',
    note: 'note',
    /** The deny modal's reason. */
    denyReason: 'reason',
    /** Prefix of the approval message's buttons block, followed by the request id. */
    decide: 'access-decide:',
  },
} as const;
