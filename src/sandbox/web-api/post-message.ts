import { checkBlocks, LIMITS } from '../block-kit-limits.ts';
import { withBlockIds, type Block, type SlackChannel, type SlackMessage } from '../slack-workspace.ts';
import { bool, jsonArg, str } from './args.ts';
import { ApiError, type Args, type WebApiContext } from './context.ts';

/**
 * Storing what the bot posts, checked the way Slack checks it. Shared by chat.*, by the
 * response_url and by a slash command's ack body, which Slack all validate alike.
 */

function messageBlocks(args: Args): Block[] | undefined {
  if (args.blocks === undefined || args.blocks === '') return undefined;
  const blocks = jsonArg(args, 'blocks', new ApiError('invalid_blocks_format'));
  const problems = checkBlocks(blocks, 'message');
  if (problems.length) throw new ApiError('invalid_blocks', { response_metadata: { messages: problems } });
  return blocks as Block[];
}

/** Text, blocks and thread of a message a bot posts, checked the way chat.postMessage checks them. */
function messageContent(ctx: WebApiContext, channel: SlackChannel, args: Args): Pick<SlackMessage, 'text' | 'blocks' | 'thread_ts'> {
  const blocks = messageBlocks(args);
  const text = str(args, 'text') ?? '';
  if (!text && !blocks && args.attachments === undefined) throw new ApiError('no_text');
  if (text.length > LIMITS.messageText) throw new ApiError('msg_too_long');
  const content: Pick<SlackMessage, 'text' | 'blocks' | 'thread_ts'> = { text, ...(blocks ? { blocks } : {}) };
  const threadTs = str(args, 'thread_ts');
  if (threadTs) {
    const parent = ctx.ws.findMessage(channel.id, threadTs, { ephemeral: false });
    if (!parent) throw new ApiError('thread_not_found');
    content.thread_ts = parent.thread_ts ?? parent.ts;
  }
  return content;
}

function botMessageFields(ctx: WebApiContext): Pick<SlackMessage, 'user' | 'bot_id' | 'app_id'> {
  const id = ctx.ws.identity;
  return { user: id.botUserId, bot_id: id.botId, app_id: id.appId };
}

/** Posts a bot message; used by chat.postMessage and by the driver for in_channel responses. */
export function postBotMessage(ctx: WebApiContext, channel: SlackChannel, args: Args): SlackMessage {
  const content = messageContent(ctx, channel, args);
  const message = ctx.ws.addMessage({
    channel: channel.id, ...botMessageFields(ctx), ...content,
    ...(content.thread_ts && bool(args, 'reply_broadcast') ? { subtype: 'thread_broadcast' } : {}),
  });
  ctx.posted?.set(channel.id, (ctx.posted.get(channel.id) ?? 0) + 1);
  return message;
}

export function postBotEphemeral(ctx: WebApiContext, channel: SlackChannel, userId: string, args: Args): SlackMessage {
  return ctx.ws.addMessage({ channel: channel.id, ...botMessageFields(ctx), ...messageContent(ctx, channel, args), ephemeral_for: userId });
}

/** chat.update keeps what it is not given; a response_url `replace_original` replaces the whole message. */
export function replaceMessageContent(message: SlackMessage, args: Args, whole = false): void {
  const blocks = messageBlocks(args);
  const text = str(args, 'text');
  if (whole && text === undefined && !blocks) throw new ApiError('no_text');
  if (text !== undefined && text.length > LIMITS.messageText) throw new ApiError('msg_too_long');
  if (text !== undefined || whole) message.text = text ?? '';
  if (blocks) message.blocks = withBlockIds(blocks);
  else if (whole) delete message.blocks;
}
