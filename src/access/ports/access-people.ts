import type { Actor } from '../domain/access-request.ts';

/** Who people are to access requests: Slack users mapped to GitHub handles through the config. */
export interface AccessPeople {
  /** The Slack user as an actor, with GitHub handle, e-mail and name when the config knows them. */
  actorFor(slackUserId: string): Actor;
  /** Slack users whose GitHub handle is one of `handles` (case-insensitive). */
  slackUsersFor(handles: readonly string[]): string[];
  /** GitHub handle (lower case) → `<@U…>`, for the approval message. */
  mentions(): ReadonlyMap<string, string>;
}
