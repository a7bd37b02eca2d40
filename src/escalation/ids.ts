/** Every action_id and callback_id the paging capability renders or listens to. */
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
} as const;
