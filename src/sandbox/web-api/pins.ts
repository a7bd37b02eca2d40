import { str } from './args.ts';
import { ApiError, type MethodTable } from './context.ts';
import { visibleChannel } from './lookup.ts';

/** pins.add: a message pinned to its conversation, once. */
export const pinsMethods: MethodTable = {
  'pins.add': (ctx, args) => {
    const channel = visibleChannel(ctx, str(args, 'channel'));
    const message = ctx.ws.findMessage(channel.id, str(args, 'timestamp') ?? '', { ephemeral: false });
    if (!message) throw new ApiError('message_not_found');
    if (message.pinned_to?.includes(channel.id)) throw new ApiError('already_pinned');
    message.pinned_to = [...(message.pinned_to ?? []), channel.id];
    return {};
  },
};
