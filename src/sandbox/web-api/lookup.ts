import type { SlackChannel } from '../slack-workspace.ts';
import { ApiError, type WebApiContext } from './context.ts';

/**
 * A conversation the bot may act in: public ones always (chat:write.public), private ones only as
 * a member. Slack answers `channel_not_found` for the others, not "forbidden", so does this.
 */
export function visibleChannel(ctx: WebApiContext, idOrName: string | undefined, byName = false): SlackChannel {
  const ws = ctx.ws;
  const c = idOrName === undefined ? undefined : byName ? ws.channel(idOrName) : ws.channels.get(idOrName);
  if (!c || !ws.botCanSee(c)) throw new ApiError('channel_not_found');
  return c;
}
