/**
 * Every action_id, callback_id and block_id the paging capability renders or listens to. Page
 * messages already in Slack carry these, and Slack sends them back on each click: never change one.
 */
export const PAGING_IDS = {
  actions: {
    acknowledge: 'paging.acknowledge',
    escalate: 'paging.escalate_now',
    resolve: 'paging.resolve',
    severity: 'paging.severity',
    summary: 'paging.summary',
    details: 'paging.details',
  },
  callbacks: {
    create: 'paging.create_page',
  },
  blocks: {
    /** The buttons of a page message. */
    actions: 'paging.actions',
    severity: 'paging.severity_block',
    summary: 'paging.summary_block',
    details: 'paging.details_block',
  },
} as const;
