/** who-owns answers with plain ephemeral messages: no action, callback or block ids. */
export const OWNERSHIP_IDS = {} as const;
