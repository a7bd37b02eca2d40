import { str } from './args.ts';
import { ApiError, type MethodTable } from './context.ts';
import { visibleChannel } from './lookup.ts';

/** reactions.add: the bot reacts to a message, once per emoji. */
export const reactionsMethods: MethodTable = {
  'reactions.add': (ctx, args) => {
    const channel = visibleChannel(ctx, str(args, 'channel'));
    const message = ctx.ws.findMessage(channel.id, str(args, 'timestamp') ?? '', { ephemeral: false });
    if (!message) throw new ApiError('message_not_found');
    const name = (str(args, 'name') ?? '').replace(/^:|:$/g, '');
    if (!/^[a-z0-9_+'-]+$/.test(name)) throw new ApiError('invalid_name');
    const reactions = (message.reactions ??= []);
    const bot = ctx.ws.identity.botUserId;
    let reaction = reactions.find((r) => r.name === name);
    if (reaction?.users.includes(bot)) throw new ApiError('already_reacted');
    if (!reaction) {
      reaction = { name, users: [], count: 0 };
      reactions.push(reaction);
    }
    reaction.users.push(bot);
    reaction.count += 1;
    return {};
  },
};
