import type { SlackWorkspace } from './slack-workspace.ts';

/**
 * Counts for delivery tests: Web API calls per method (every call as it arrives, faulted or
 * not; response_url posts as `response_url`), and messages the bot posted per conversation
 * (however posted, deleted ones included), to see a message posted twice.
 */
export interface CallCounters {
  /** Calls of one method, or of all methods (response_url posts included). */
  callCount(method?: string): number;
  callCounts(): Record<string, number>;
  /** Messages the bot posted in a conversation (by id or name; a user id means the bot's DM with them). */
  postedCount(channelIdOrName: string): number;
  /** Messages the bot posted, by conversation id. */
  postedCounts(): Record<string, number>;
  resetCounters(): void;
}

export function callCounters(ws: SlackWorkspace, calls: Map<string, number>, posted: Map<string, number>): CallCounters {
  const conversationId = (idOrName: string): string => {
    const ch = ws.channel(idOrName);
    if (ch) return ch.id;
    const dm = [...ws.channels.values()].find((c) => c.is_im && c.user === idOrName);
    return dm?.id ?? idOrName;
  };
  return {
    callCount: (method) => (method === undefined ? [...calls.values()].reduce((a, b) => a + b, 0) : (calls.get(method) ?? 0)),
    callCounts: () => Object.fromEntries(calls),
    postedCount: (idOrName) => posted.get(conversationId(idOrName)) ?? 0,
    postedCounts: () => Object.fromEntries(posted),
    resetCounters: () => {
      calls.clear();
      posted.clear();
    },
  };
}
