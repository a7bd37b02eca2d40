/** Every action_id, callback_id and block_id the changes capability renders or listens to. */
export const CHANGES_IDS = {
  actions: {
    title: 'changes.title',
    description: 'changes.description',
    services: 'changes.services',
    sigs: 'changes.sigs',
    rollback: 'changes.rollback',
    windowDate: 'changes.window_date',
    windowTime: 'changes.window_time',
    windowLength: 'changes.window_length',
    pr: 'changes.pr',
    workflows: 'changes.q_workflows',
    rollbackEase: 'changes.q_rollback',
    reach: 'changes.q_reach',
    tier: 'changes.tier',
    reason: 'changes.reason',
    noticeUrl: 'changes.notice_url',
    approve: 'changes.approve',
    object: 'changes.object',
    recordNotice: 'changes.record_notice',
    sendNotice: 'changes.send_notice',
    done: 'changes.done',
    rolledBack: 'changes.rolled_back',
    withdraw: 'changes.withdraw',
    accept: 'changes.accept',
    reject: 'changes.reject',
    openIssue: 'changes.open_issue',
  },
  callbacks: {
    announce: 'changes.announce_form',
    object: 'changes.object_form',
    notice: 'changes.notice_form',
  },
  blocks: {
    tierPreview: 'changes.tier_preview',
    prPreview: 'changes.pr_preview',
    /** The tier choice's block id ends with the floor, so Slack resets the choice when the floor moves. */
    tierPrefix: 'changes.tier.',
    reviewActions: 'changes.review_actions',
    authorActions: 'changes.author_actions',
  },
} as const;

/** Input block ids equal their action ids, so inline errors (`response_action: errors`) name the field. */
export const CHANGE_BLOCKS = CHANGES_IDS.actions;
