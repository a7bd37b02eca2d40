import type { WebClient } from '@slack/web-api';
import type { IncidentChannels } from '../ports/incident-channels.ts';

/** Slack API errors carry `data.error` (e.g. `name_taken`). */
function slackError(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('data' in err)) return undefined;
  const data: unknown = err.data;
  return typeof data === 'object' && data !== null && 'error' in data && typeof data.error === 'string' ? data.error : undefined;
}

/** Slack user ids; the declarer or commander may be anything a test or an old row holds. */
const SLACK_USER = /^[UW][A-Z0-9]+$/;

/** Incident channels over the bot's Web API client. */
export function slackIncidentChannels(slack: WebClient): IncidentChannels {
  let botUserId: Promise<string | undefined> | undefined;
  const ownUserId = () => {
    botUserId ??= slack.auth.test().then(
      (r) => r.user_id,
      (err: unknown) => {
        botUserId = undefined;
        throw err;
      },
    );
    return botUserId;
  };

  async function invite(channelId: string, users: readonly string[]): Promise<void> {
    const wanted = users.filter((u) => SLACK_USER.test(u));
    if (wanted.length === 0) return;
    try {
      await slack.conversations.invite({ channel: channelId, users: wanted.join(',') });
    } catch (err) {
      if (slackError(err) === 'already_in_channel') return;
      // One unknown or deactivated user must not keep the others out.
      if (wanted.length > 1) for (const u of wanted) await invite(channelId, [u]).catch(() => undefined);
      else throw err;
    }
  }

  // One listing serves the few names a set-up tries in a row (the workspace has thousands of
  // channels, and conversations.list is rate-limited); a fresh one after a few seconds.
  let listing: { at: number; channels: Promise<Map<string, { id: string; creator: string | undefined }>> } | undefined;
  let lastCreate = 0;
  const LISTING_MS = 10_000;
  const channelsByName = (fresh = false) => {
    if (!fresh && listing && performance.now() - listing.at < LISTING_MS) return listing.channels;
    const channels = (async () => {
      const byName = new Map<string, { id: string; creator: string | undefined }>();
      let cursor: string | undefined;
      do {
        const page = await slack.conversations.list({ limit: 1000, exclude_archived: true, types: 'public_channel', ...(cursor ? { cursor } : {}) });
        for (const c of page.channels ?? []) if (c.name && c.id && !c.is_archived) byName.set(c.name, { id: c.id, creator: c.creator });
        cursor = page.response_metadata?.next_cursor || undefined;
      } while (cursor);
      return byName;
    })();
    listing = { at: performance.now(), channels };
    channels.catch(() => {
      if (listing?.channels === channels) listing = undefined;
    });
    return channels;
  };

  return {
    async create(name) {
      lastCreate = performance.now();
      try {
        const r = await slack.conversations.create({ name });
        const id = r.channel?.id;
        if (!id) throw new Error('conversations.create returned no channel id');
        return { id };
      } catch (err) {
        if (slackError(err) === 'name_taken') return 'name-taken';
        throw err;
      }
    },
    async findOwn(name) {
      const me = await ownUserId();
      let found = (await channelsByName()).get(name);
      // Not in a listing taken before the last create: that create may be the one that made it.
      if (!found && listing && listing.at < lastCreate) found = (await channelsByName(true)).get(name);
      return found && found.creator === me ? { id: found.id } : undefined;
    },
    invite,
    async pin(channelId, ts) {
      await slack.pins.add({ channel: channelId, timestamp: ts }).catch((err: unknown) => {
        if (slackError(err) !== 'already_pinned') throw err;
      });
    },
    async message(channelId, ts) {
      // A channel message, or else a thread reply.
      const history = await slack.conversations.history({ channel: channelId, latest: ts, inclusive: true, limit: 1 });
      const found = history.messages?.find((m) => m.ts === ts) ?? (await slack.conversations.replies({ channel: channelId, ts })).messages?.find((m) => m.ts === ts);
      if (!found?.text) return undefined;
      return { author: found.user ?? found.bot_id ?? 'unknown', text: found.text };
    },
  };
}
