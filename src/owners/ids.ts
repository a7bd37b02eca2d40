/**
 * Every action_id, callback_id and block_id the owners capability renders or listens to.
 * Messages and modals already in Slack carry them: never change a value.
 */
export const OWNERS_IDS = {
  actions: {
    phone: 'owners.contact_phone',
    alternateEmails: 'owners.contact_alternate_emails',
    timezone: 'owners.contact_timezone',
    days: 'owners.contact_days',
    start: 'owners.contact_start',
    end: 'owners.contact_end',
    order: 'owners.contact_order',
    reveal: 'owners.reveal_contact',
    revealAsLead: 'owners.reveal_as_lead',
    reason: 'owners.reveal_reason',
    credentials: 'owners.nominate_credentials',
    support: 'owners.nominate_support',
    intent: 'owners.nominate_intent',
    writeIntent: 'owners.write_intent',
    voteSupport: 'owners.vote_support',
    voteObject: 'owners.vote_object',
  },
  callbacks: {
    contact: 'owners.contact',
    revealReason: 'owners.reveal_reason_modal',
    nominate: 'owners.nominate',
    intent: 'owners.intent',
  },
  blocks: {
    phone: 'owners.contact_phone_block',
    alternateEmails: 'owners.contact_alternate_emails_block',
    timezone: 'owners.contact_timezone_block',
    days: 'owners.contact_days_block',
    start: 'owners.contact_start_block',
    end: 'owners.contact_end_block',
    order: 'owners.contact_order_block',
    reason: 'owners.reveal_reason_block',
    credentials: 'owners.nominate_credentials_block',
    support: 'owners.nominate_support_block',
    intent: 'owners.nominate_intent_block',
    vote: 'owners.vote_block',
  },
} as const;
