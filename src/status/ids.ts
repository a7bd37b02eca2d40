/** Every action_id and callback_id the status capability renders or listens to. */
export const STATUS_IDS = {
  actions: {},
  callbacks: {},
} as const;
