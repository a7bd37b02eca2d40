import express, { type Request, type Response, type Router } from 'express';
import type { InteractionSource, InputValue, SlackEmulator, SlackMessage, SlackView } from './emulator.ts';
import { sandboxHtml } from './page/sandbox-html.ts';
import { isObject, type Json } from './slack-workspace.ts';

export interface SandboxPageOptions {
  /** The people one may act as (default: every non-bot user of the emulator). */
  people?: readonly { id: string }[];
  title?: string;
  /** Channel (id or name) shown first; default: the first public channel the person is in. */
  defaultChannel?: string;
}

/**
 * The sandbox page (mount at /sandbox): a small Slack client over the emulator. GET / serves the
 * page; GET /api/state is what it polls; POST /api/{command,message,click,select,suggest,submit,close,home}
 * are a person's actions, handed to the emulator, which signs them and sends them to the bot.
 */
export function createSandboxRouter(emulator: SlackEmulator, options: SandboxPageOptions = {}): Router {
  const router = express.Router();
  const html = sandboxHtml(options.title ?? 'k8s-infra sandbox');
  const ws = emulator.workspace;
  const bot = emulator.identity.botUserId;

  const people = () => {
    const ids = options.people?.map((p) => p.id);
    return emulator.users().filter((u) => !u.is_bot && (!ids || ids.includes(u.id)));
  };
  const actingAs = (id: unknown) => {
    const all = people();
    const found = all.find((u) => u.id === id) ?? all[0];
    if (!found) throw new Error('no people to act as: seed the emulator with users');
    return found.id;
  };
  const visibleChannels = (as: string) => {
    ws.dmWith(as);
    return emulator.channels()
      .filter((c) => (c.is_im ? c.user === as : !c.is_private || c.members.includes(as)))
      .map((c) => ({
        id: c.id, name: c.is_im ? 'dm' : c.name, is_private: c.is_private, is_im: c.is_im,
        label: c.is_im ? `${emulator.identity.botName} (DM)` : `#${c.name}${c.is_private ? ' (private)' : ''}`,
      }))
      .sort((a, b) => Number(a.is_im) - Number(b.is_im) || a.name.localeCompare(b.name));
  };
  const messageOut = (m: SlackMessage, as: string) => {
    const { ephemeral_for, ...rest } = m;
    return { ...rest, ephemeral: ephemeral_for !== undefined, is_bot: m.user === bot, state: emulator.messageState(m.channel, m.ts, as) ?? null };
  };
  const viewOut = (v: SlackView | undefined) => (v ? structuredClone(v) : null);

  router.get('/', (_req, res) => {
    res.type('html').set('Cache-Control', 'no-store').send(html);
  });

  router.get('/api/state', (req, res) => {
    const as = actingAs(req.query.as);
    const channels = visibleChannels(as);
    const wanted = String(req.query.channel ?? '');
    const preferred = options.defaultChannel ? ws.channel(options.defaultChannel)?.id : undefined;
    const member = channels.find((c) => !c.is_private && ws.channels.get(c.id)?.members.includes(as));
    const channel = channels.find((c) => c.id === wanted) ?? channels.find((c) => c.id === preferred) ?? member ?? channels[0];
    const seen = (m: SlackMessage) => m.ephemeral_for === undefined || m.ephemeral_for === as;
    const all = channel ? ws.channelMessages(channel.id).filter(seen) : [];
    const top = all.filter((m) => !m.thread_ts || m.thread_ts === m.ts || m.subtype === 'thread_broadcast');
    const threadTs = typeof req.query.thread === 'string' ? req.query.thread : undefined;
    const thread = threadTs ? all.filter((m) => m.ts === threadTs || m.thread_ts === threadTs) : [];
    const stack = emulator.openViews(as);
    const modal = stack.at(-1);
    res.set('Cache-Control', 'no-store').json({
      as,
      bot: { id: bot, name: emulator.identity.botName },
      people: people().map((u) => ({ id: u.id, name: u.name, real_name: u.real_name, tz: u.tz })),
      channels,
      channel: channel?.id ?? '',
      names: {
        users: Object.fromEntries(emulator.users().map((u) => [u.id, u.name])),
        channels: Object.fromEntries(emulator.channels().filter((c) => !c.is_im).map((c) => [c.id, c.name])),
      },
      messages: top.map((m) => messageOut(m, as)),
      thread: thread.length ? { ts: threadTs, messages: thread.map((m) => messageOut(m, as)) } : null,
      modal: modal ? { view: viewOut(modal), errors: emulator.viewErrors(modal.id) ?? null, depth: stack.length } : null,
      home: viewOut(emulator.homeView(as)),
      log: emulator.deliveries.slice(-15).reverse().map((d) => ({ kind: d.kind, status: d.status, ackMs: d.ackMs, error: d.error ?? null })),
    });
  });

  const post = (path: string, act: (body: Json, as: string) => Promise<unknown>) => {
    router.post(path, express.json({ limit: '1mb' }), async (req: Request, res: Response) => {
      const body: Json = isObject(req.body) ? req.body : {};
      try {
        const as = actingAs(body.as);
        res.json((await act(body, as)) ?? { ok: true });
      } catch (e) {
        res.status(400).json({ ok: false, error: e instanceof Error ? e.message : String(e) });
      }
    });
  };
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const source = (v: unknown): InteractionSource => {
    if (isObject(v) && typeof v.viewId === 'string') return { viewId: v.viewId };
    if (isObject(v) && typeof v.messageTs === 'string' && typeof v.channelId === 'string') return { messageTs: v.messageTs, channelId: v.channelId };
    throw new Error('source must be {viewId} or {messageTs, channelId}');
  };
  const inputValue = (v: unknown): InputValue => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v : null);
  const blockId = (b: Json) => (typeof b.blockId === 'string' ? { blockId: b.blockId } : {});

  post('/api/command', async (b, as) => {
    const text = str(b.text).trim();
    const slash = /^(\/\S+)\s*([\s\S]*)$/.exec(text);
    if (slash) return emulator.sendSlashCommand({ userId: as, channelId: str(b.channel), command: slash[1], text: slash[2] ?? '' });
    const { message, deliveries } = await emulator.postUserMessage({ userId: as, channelId: str(b.channel), text });
    return { ok: deliveries.every((d) => d.ok), ts: message.ts, deliveries };
  });
  post('/api/message', async (b, as) => {
    const { message, deliveries } = await emulator.postUserMessage({
      userId: as, channelId: str(b.channel), text: str(b.text), ...(str(b.threadTs) ? { threadTs: str(b.threadTs) } : {}),
    });
    return { ok: deliveries.every((d) => d.ok), ts: message.ts, deliveries };
  });
  post('/api/click', (b, as) => emulator.clickButton({
    userId: as, source: source(b.source), actionId: str(b.actionId), ...blockId(b), ...(typeof b.value === 'string' ? { value: b.value } : {}),
  }));
  post('/api/select', (b, as) => emulator.selectOption({ userId: as, source: source(b.source), actionId: str(b.actionId), ...blockId(b), value: inputValue(b.value) }));
  post('/api/suggest', (b, as) => emulator.requestOptions({ userId: as, source: source(b.source), actionId: str(b.actionId), ...blockId(b), value: str(b.value) }));
  post('/api/submit', (b, as) => {
    const values: Record<string, Record<string, InputValue>> = {};
    if (isObject(b.values)) {
      for (const [block, byAction] of Object.entries(b.values)) {
        if (!isObject(byAction)) continue;
        values[block] = Object.fromEntries(Object.entries(byAction).map(([a, v]) => [a, inputValue(v)]));
      }
    }
    return emulator.submitView({ userId: as, viewId: str(b.viewId), values });
  });
  post('/api/close', (b, as) => emulator.closeView({ userId: as, viewId: str(b.viewId) }));
  post('/api/home', async (_b, as) => (await emulator.openHome(as)) ?? { ok: true });

  return router;
}
