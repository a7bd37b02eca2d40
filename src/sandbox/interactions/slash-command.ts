import type { SlashCommandArgs, SlashCommandResult } from '../emulator-interface.ts';
import { isObject, type SlackChannel, type SlackMessage } from '../slack-workspace.ts';
import { ApiError, type Args } from '../web-api/context.ts';
import { postBotEphemeral, postBotMessage } from '../web-api/post-message.ts';
import { actorOf, channelOf, deliveryResult, form, responseUrlFor, userOf, VERIFICATION_TOKEN, type InteractionContext } from './context.ts';

/** Stores the bot's answer to a slash command the way Slack shows it (and refuses what Slack refuses). */
function showAck(ix: InteractionContext, userId: string, ch: SlackChannel, body: unknown): { shown?: SlackMessage; error?: string; messages?: string[] } {
  const args: Args | undefined = typeof body === 'string' ? { text: body } : isObject(body) ? body : undefined;
  if (!args || (args.text === undefined && args.blocks === undefined)) return {};
  try {
    const shown = args.response_type === 'in_channel' ? postBotMessage(ix.api, ch, args) : postBotEphemeral(ix.api, ch, userId, args);
    return { shown };
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    const extra = e.extra.response_metadata;
    const messages = isObject(extra) && Array.isArray(extra.messages) ? extra.messages.map(String) : undefined;
    return { error: e.code, ...(messages ? { messages } : {}) };
  }
}

/** A person types `/k8s-infra …` in a conversation: a form post with a trigger_id and a response_url. */
export async function sendSlashCommand(ix: InteractionContext, args: SlashCommandArgs): Promise<SlashCommandResult> {
  const { ws, identity } = ix;
  const u = userOf(ix, args.userId);
  const ch = channelOf(ix, args.channelId);
  ws.ensureMember(ch, u.id);
  const triggerId = ws.issueTrigger(u.id);
  const responseUrl = responseUrlFor(ix, ws.issueResponseUrl(u.id, ch.id).id);
  const actor = actorOf(ix, u.id, args.fromTeam);
  const d = await ix.sender.send('slash_command', form({
    token: VERIFICATION_TOKEN, team_id: actor.teamId, team_domain: actor.teamDomain,
    ...(actor.enterpriseId ? { enterprise_id: actor.enterpriseId, enterprise_name: actor.enterpriseName ?? actor.enterpriseId } : {}),
    channel_id: ch.id, channel_name: ch.is_im ? 'directmessage' : ch.name, user_id: u.id, user_name: u.name,
    command: args.command ?? '/k8s-infra', text: args.text, api_app_id: identity.appId,
    is_enterprise_install: 'false', response_url: responseUrl, trigger_id: triggerId,
  }));
  const r: SlashCommandResult = { ...deliveryResult(d), triggerId, responseUrl };
  if (d.error) return r;
  const shown = showAck(ix, u.id, ch, d.body);
  return { ...r, ...shown, ok: shown.error === undefined };
}
