/** Scheduled reports are plain posts: no action, callback or block ids (yet). */
export const REPORTS_IDS = {} as const;
