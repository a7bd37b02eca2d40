import { DateTime } from 'luxon';
import type { Json, SlackChannel, SlackMessage, SlackUser, SlackView, SlackWorkspace } from '../slack-workspace.ts';

/** The stored objects as Slack's Web API shows them (fields Slack adds, internal ones left out). */

/**
 * A message as the Web API returns it. Metadata only when asked (history and replies with
 * include_all_metadata): elsewhere the emulator leaves it out, so a bot cannot come to rely on
 * metadata where Slack may not send it.
 */
export function messageOut(m: SlackMessage, teamId: string, opts: { metadata?: boolean } = {}): Json {
  const { channel: _c, ephemeral_for: _e, metadata, ...rest } = m;
  // `team` is the author's workspace: ours, unless a Slack Connect user wrote it.
  return { ...structuredClone(rest), team: m.team ?? teamId, ...(opts.metadata && metadata ? { metadata: structuredClone(metadata) } : {}) };
}

export function channelOut(ws: SlackWorkspace, c: SlackChannel): Json {
  if (c.is_im) {
    return { id: c.id, created: c.created, is_im: true, is_org_shared: false, user: c.user, is_user_deleted: false, priority: 0 };
  }
  return {
    id: c.id, name: c.name, name_normalized: c.name, is_channel: c.is_channel, is_group: false, is_im: false,
    is_mpim: c.is_mpim, is_private: c.is_private, is_archived: false, is_general: false, is_shared: false,
    is_org_shared: false, is_ext_shared: false, created: c.created, creator: c.creator,
    is_member: c.members.includes(ws.identity.botUserId), num_members: c.members.length,
    topic: { value: c.topic, creator: '', last_set: 0 }, purpose: { value: '', creator: '', last_set: 0 },
  };
}

export function userOut(ws: SlackWorkspace, u: SlackUser): Json {
  const local = DateTime.fromMillis(ws.nowMs(), { zone: u.tz });
  return {
    id: u.id, team_id: u.team_id, name: u.name, deleted: false, real_name: u.real_name,
    tz: u.tz, tz_label: local.offsetNameLong ?? u.tz, tz_offset: local.offset * 60,
    is_admin: u.is_admin, is_owner: false, is_bot: u.is_bot, is_app_user: false,
    ...(u.enterprise_id ? { enterprise_user: { id: u.id, enterprise_id: u.enterprise_id, enterprise_name: u.enterprise_name ?? u.enterprise_id } } : {}),
    updated: Math.floor(ws.nowMs() / 1000),
    profile: {
      real_name: u.real_name, display_name: u.name, team: u.team_id,
      ...(u.email ? { email: u.email } : {}),
      ...(u.is_bot ? { bot_id: ws.identity.botId } : {}),
    },
  };
}

export function viewOut(view: SlackView): Json {
  return structuredClone(view) as unknown as Json;
}
