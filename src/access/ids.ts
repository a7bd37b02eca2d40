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
    /** On the reminders before expiry. */
    extend: 'access.extend',
    endNow: 'access.end_now',
    /** The extension modal's fields. */
    extendUntil: 'access.extend_until',
    extendJustification: 'access.extend_justification',
    /** The request modal's comment-section picker and note, shown for lists that have them. */
    section: 'access.section',
    note: 'access.note',
  },
  callbacks: {
    request: 'access.request',
    deny: 'access.deny_request',
    extend: 'access.extend_request',
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
    /** Prefix of the reminder's buttons block, followed by the request id. */
    expiry: 'access-expiry:',
    extendUntil: 'extend_until',
    extendJustification: 'extend_justification',
  },
} as const;
