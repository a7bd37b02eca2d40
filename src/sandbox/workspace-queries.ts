import type { SlackEmulator } from './emulator-interface.ts';
import type { SlackMessage, SlackView, SlackWorkspace } from './slack-workspace.ts';
import type { StateValues } from './view-state.ts';

/** The read side of the emulator: what a test (or the sandbox page) may look at after the bot worked. */
export type WorkspaceQueries = Pick<SlackEmulator,
  'messages' | 'thread' | 'ephemerals' | 'dms' | 'openViews' | 'topView' | 'homeView' | 'view' | 'messageState' | 'viewErrors'
  | 'channel' | 'channelByName' | 'channels' | 'dmChannel' | 'user' | 'users' | 'usergroups' | 'pins' | 'addUser' | 'addChannel'>;

/** Ephemerals are shown to one person only; conversation listings leave them out. */
const notEphemeral = (m: SlackMessage) => m.ephemeral_for === undefined;

export function workspaceQueries(
  ws: SlackWorkspace,
  messageStates: ReadonlyMap<string, StateValues>,
  viewErrors: ReadonlyMap<string, Record<string, string>>,
): WorkspaceQueries {
  const messages = (channelIdOrName: string): SlackMessage[] => {
    const ch = ws.channel(channelIdOrName);
    return ch ? ws.channelMessages(ch.id).filter(notEphemeral) : [];
  };
  return {
    messages,
    thread(channelIdOrName, ts) {
      const ch = ws.channel(channelIdOrName);
      if (!ch) return [];
      return ws.channelMessages(ch.id).filter((m) => notEphemeral(m) && (m.ts === ts || m.thread_ts === ts));
    },
    ephemerals(userId, channelIdOrName) {
      const only = channelIdOrName ? ws.channel(channelIdOrName)?.id : undefined;
      return [...ws.messages.values()].flat().filter((m) => m.ephemeral_for === userId && (!only || m.channel === only));
    },
    dms(userId) {
      const dm = [...ws.channels.values()].find((c) => c.is_im && c.user === userId);
      return dm ? ws.channelMessages(dm.id).filter(notEphemeral) : [];
    },
    openViews(userId) {
      return ws.modalStack(userId).map((id) => ws.views.get(id)?.view).filter((v): v is SlackView => v !== undefined);
    },
    topView(userId) {
      const id = ws.modalStack(userId).at(-1);
      return id ? ws.views.get(id)?.view : undefined;
    },
    homeView(userId) {
      const id = ws.homeViews.get(userId);
      return id ? ws.views.get(id)?.view : undefined;
    },
    view: (viewId) => ws.views.get(viewId)?.view,
    messageState: (channelId, ts, userId) => messageStates.get(`${channelId}:${ts}:${userId}`),
    viewErrors: (viewId) => viewErrors.get(viewId),
    channel: (idOrName) => ws.channel(idOrName),
    channelByName: (name) => ws.channelByName(name),
    channels: () => [...ws.channels.values()],
    dmChannel: (userId) => ws.dmWith(userId),
    user: (id) => ws.users.get(id),
    users: () => [...ws.users.values()],
    usergroups: () => [...ws.usergroups.values()],
    pins: (channelIdOrName) => messages(channelIdOrName).filter((m) => m.pinned_to?.length),
    addUser: (seed) => ws.addUser(seed),
    addChannel: (seed) => ws.addChannel(seed),
  };
}
