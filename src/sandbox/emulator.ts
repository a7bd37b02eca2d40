import express, { type Request, type Response, type Router } from 'express';
import { systemClock, type Clock } from '../core/clock.ts';
import { checkView } from './block-kit-limits.ts';
import { postToResponseUrl } from './response-url.ts';
import { SignedSender, type Delivery, type RawSendOptions } from './signed-sender.ts';
import {
  isObject, SlackWorkspace,
  type ChannelSeed, type Identity, type Json, type SlackChannel, type SlackMessage, type SlackUser, type SlackView,
  type Usergroup, type UserSeed,
} from './slack-workspace.ts';
import { applyValues, clientSideErrors, elementState, findElement, type InputValue, type StateValues } from './view-state.ts';
import {
  ApiError, callWebApi, openModal, postBotEphemeral, postBotMessage, replaceView, viewOut,
  type ApiResponse, type Args, type WebApiContext,
} from './web-api.ts';

export { signSlackRequest } from './slack-signature.ts';
export type { Delivery, RawSendOptions } from './signed-sender.ts';
export type { ChannelSeed, Json, SlackChannel, SlackMessage, SlackUser, SlackView, Usergroup, UserSeed } from './slack-workspace.ts';
export type { InputValue } from './view-state.ts';

export interface SlackEmulatorOptions {
  botToken: string;
  signingSecret: string;
  /** Where the bot's `POST /slack/events` listens; may be set later with setBotUrl. */
  botUrl?: string;
  /** Base URL where `router` is mounted (response_url is built from it); may be set later with setPublicUrl. */
  publicUrl?: string;
  /** Workspace time: message ts, trigger and response_url expiry, rate limits. */
  clock?: Clock;
  /** Wall clock for request signatures (the bot checks them against real time). */
  requestClock?: Clock;
  users?: UserSeed[];
  channels?: ChannelSeed[];
  /** chat.postMessage 1 per second per channel (HTTP 429 past it). Default on. */
  rateLimit?: boolean;
  /** Slack's ack budget; default 3000 ms. */
  ackTimeoutMs?: number;
  identity?: Partial<Identity>;
  /** Events the app subscribes to (manifest), used by postUserMessage and openHome. */
  subscribedEvents?: string[];
}

export type InteractionSource = { messageTs: string; channelId: string } | { viewId: string };

export interface DeliveryResult {
  /** The bot answered 2xx within the ack budget and Slack accepted the answer. */
  ok: boolean;
  status: number | null;
  ackMs: number;
  /** `operation_timeout`, `http_error`, `connection_error`, or a Slack error about the answer. */
  error?: string;
  /** Details Slack would give about a rejected answer (block problems). */
  messages?: string[];
  body?: unknown;
}

export interface SlashCommandResult extends DeliveryResult {
  triggerId: string;
  responseUrl: string;
  /** The ack body shown to the person (ephemeral) or the channel (in_channel). */
  shown?: SlackMessage;
}

export interface ActionResult extends DeliveryResult {
  triggerId: string;
  responseUrl?: string;
  /** False when Slack would not have sent anything (a select in an input block without dispatch_action). */
  sent: boolean;
}

export interface SubmitResult extends DeliveryResult {
  /** Inline errors (from the bot's response_action: errors, or the Slack client's own checks). */
  errors?: Record<string, string>;
  responseAction?: string;
  /** The view on top of the person's modal stack afterwards, if any. */
  view?: SlackView;
}

export interface SuggestionResult extends DeliveryResult {
  options: Json[];
  optionGroups?: Json[];
}

export interface EventResult extends DeliveryResult {
  eventId: string;
}

export interface ApiCall {
  method: string;
  args: Args;
  status: number;
  response: Json;
  at: Date;
}

const DEFAULT_IDENTITY: Identity = {
  teamId: 'T0SANDBOX', teamDomain: 'k8s-infra-sandbox', appId: 'A0SANDBOX', botId: 'B0SANDBOX',
  botUserId: 'U0SANDBOXBOT', botName: 'k8s-infra-bot',
};
const DEFAULT_EVENTS = ['app_home_opened', 'app_mention', 'message.im'];
const VERIFICATION_TOKEN = 'sandbox-verification-token';

function bearer(req: Request, args: Args): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
  if (m) return m[1];
  return typeof args.token === 'string' ? args.token : undefined;
}

function send(res: Response, r: ApiResponse): void {
  for (const [k, v] of Object.entries(r.headers ?? {})) res.set(k, v);
  res.status(r.status).json(r.body);
}

export function createSlackEmulator(options: SlackEmulatorOptions) {
  const clock = options.clock ?? systemClock;
  const identity: Identity = { ...DEFAULT_IDENTITY, ...options.identity };
  const ws = new SlackWorkspace(clock, identity);
  for (const u of options.users ?? []) ws.addUser(u);
  for (const c of options.channels ?? []) ws.addChannel(c);
  const ctx: WebApiContext = { ws, botToken: options.botToken, rateLimit: options.rateLimit ?? true, lastPostAt: new Map() };
  const sender = new SignedSender(options.signingSecret, options.ackTimeoutMs ?? 3000, options.requestClock ?? systemClock, clock, options.botUrl);
  const subscribed = new Set(options.subscribedEvents ?? DEFAULT_EVENTS);
  let publicUrl = options.publicUrl?.replace(/\/$/, '') ?? '';
  const apiCalls: ApiCall[] = [];
  const events = new Map<string, Json>();
  /** Selections a person made in a message's elements (Slack sends them as `state`). */
  const messageStates = new Map<string, StateValues>();
  /** Inline errors shown on a view after response_action: errors. */
  const viewErrors = new Map<string, Record<string, string>>();

  // ---------- HTTP: Web API and response_url ----------
  const router: Router = express.Router();
  const parsers = [express.urlencoded({ extended: false, limit: '10mb' }), express.json({ limit: '10mb' })];
  router.all('/api/:method', ...parsers, (req, res) => {
    const method = String(req.params.method);
    const args: Args = { ...(req.query as Args), ...(isObject(req.body) ? req.body : {}) };
    const result = callWebApi(ctx, method, args, bearer(req, args));
    const { token: _t, ...logged } = args;
    apiCalls.push({ method, args: logged, status: result.status, response: result.body, at: clock.now() });
    send(res, result);
  });
  router.post('/response_url/:id', ...parsers, (req, res) => {
    send(res, postToResponseUrl(ctx, ws.responseUrls.get(String(req.params.id)), req.body));
  });

  // ---------- helpers ----------
  function user(id: string): SlackUser {
    const u = ws.users.get(id);
    if (!u) throw new Error(`no such user ${id}`);
    return u;
  }
  function channel(idOrName: string): SlackChannel {
    const c = ws.channel(idOrName);
    if (!c) throw new Error(`no such channel ${idOrName}`);
    return c;
  }
  const userRef = (id: string) => {
    const u = user(id);
    return { id: u.id, username: u.name, name: u.name, team_id: identity.teamId };
  };
  const team = () => ({ id: identity.teamId, domain: identity.teamDomain });
  const responseUrlFor = (id: string) => `${publicUrl}/response_url/${id}`;
  const actionTs = () => ws.nextTs();
  const result = (d: Delivery): DeliveryResult => ({
    ok: d.error === undefined, status: d.status, ackMs: d.ackMs, ...(d.error ? { error: d.error } : {}),
    ...(d.body !== undefined ? { body: d.body } : {}),
  });
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const payloadForm = (payload: Json) => form({ payload: JSON.stringify(payload) });

  interface ResolvedSource {
    blocks: SlackView['blocks'];
    state: StateValues;
    key: string;
    message?: SlackMessage;
    channel?: SlackChannel;
    view?: SlackView;
  }
  function resolveSource(userId: string, source: InteractionSource): ResolvedSource {
    if ('viewId' in source) {
      const record = ws.views.get(source.viewId);
      if (!record || record.userId !== userId) throw new Error(`view ${source.viewId} is not open for ${userId}`);
      if (record.view.type === 'modal' && ws.modalStack(userId).at(-1) !== record.view.id) {
        throw new Error(`view ${source.viewId} is not on top of ${userId}'s modal stack`);
      }
      return { blocks: record.view.blocks, state: record.view.state.values, key: record.view.id, view: record.view };
    }
    const ch = channel(source.channelId);
    const message = ws.findMessage(ch.id, source.messageTs);
    if (!message || (message.ephemeral_for && message.ephemeral_for !== userId)) throw new Error(`no message ${source.messageTs} in ${ch.id} visible to ${userId}`);
    ws.ensureMember(ch, userId);
    const key = `${ch.id}:${message.ts}:${userId}`;
    let state = messageStates.get(key);
    if (!state) messageStates.set(key, (state = {}));
    return { blocks: message.blocks ?? [], state, key, message, channel: ch };
  }

  /** The parts of an interaction payload that say where it happened. */
  function sourceFields(userId: string, s: ResolvedSource, withResponseUrl: boolean): { fields: Json; responseUrl?: string } {
    if (s.view) {
      return { fields: { container: { type: 'view', view_id: s.view.id }, view: viewOut(s.view) } };
    }
    const message = s.message as SlackMessage;
    const ch = s.channel as SlackChannel;
    const ephemeral = message.ephemeral_for !== undefined;
    const fields: Json = {
      container: {
        type: 'message', message_ts: message.ts, channel_id: ch.id, is_ephemeral: ephemeral,
        ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
      },
      channel: { id: ch.id, name: ch.is_im ? 'directmessage' : ch.name },
      state: { values: structuredClone(s.state) },
      // Slack leaves the message out of payloads from ephemeral messages.
      ...(ephemeral ? {} : { message: { ...structuredClone({ ...message, channel: undefined }), team: identity.teamId } }),
    };
    if (!withResponseUrl) return { fields };
    const responseUrl = responseUrlFor(ws.issueResponseUrl(userId, ch.id, message.ts).id);
    return { fields: { ...fields, response_url: responseUrl }, responseUrl };
  }

  function blockActions(userId: string, s: ResolvedSource, action: Json) {
    const triggerId = ws.issueTrigger(userId);
    const { fields, responseUrl } = sourceFields(userId, s, true);
    const payload: Json = {
      type: 'block_actions', user: userRef(userId), api_app_id: identity.appId, token: VERIFICATION_TOKEN,
      trigger_id: triggerId, team: team(), enterprise: null, is_enterprise_install: false, ...fields, actions: [action],
    };
    return { payload, triggerId, responseUrl };
  }

  function popModal(userId: string, all: boolean): void {
    const stack = ws.modalStack(userId);
    const removed = all ? stack.splice(0) : stack.splice(-1);
    for (const id of removed) viewErrors.delete(id);
  }

  /** Stores the bot's answer to a slash command the way Slack shows it. */
  function showAck(userId: string, ch: SlackChannel, body: unknown): { shown?: SlackMessage; error?: string; messages?: string[] } {
    const args: Args | undefined = typeof body === 'string' ? { text: body } : isObject(body) ? body : undefined;
    if (!args || (args.text === undefined && args.blocks === undefined)) return {};
    try {
      const shown = args.response_type === 'in_channel' ? postBotMessage(ctx, ch, args) : postBotEphemeral(ctx, ch, userId, args);
      return { shown };
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const extra = e.extra.response_metadata;
      const messages = isObject(extra) && Array.isArray(extra.messages) ? extra.messages.map(String) : undefined;
      return { error: e.code, ...(messages ? { messages } : {}) };
    }
  }

  function suggestionKey(sourceKey: string, blockId: string, actionId: string): string {
    return `${sourceKey}:${blockId}:${actionId}`;
  }

  // ---------- driving the bot ----------
  async function sendSlashCommand(args: { userId: string; channelId: string; text: string; command?: string }): Promise<SlashCommandResult> {
    const u = user(args.userId);
    const ch = channel(args.channelId);
    ws.ensureMember(ch, u.id);
    const triggerId = ws.issueTrigger(u.id);
    const responseUrl = responseUrlFor(ws.issueResponseUrl(u.id, ch.id).id);
    const d = await sender.send('slash_command', form({
      token: VERIFICATION_TOKEN, team_id: identity.teamId, team_domain: identity.teamDomain, channel_id: ch.id,
      channel_name: ch.is_im ? 'directmessage' : ch.name, user_id: u.id, user_name: u.name,
      command: args.command ?? '/k8s-infra', text: args.text, api_app_id: identity.appId,
      is_enterprise_install: 'false', response_url: responseUrl, trigger_id: triggerId,
    }));
    const r: SlashCommandResult = { ...result(d), triggerId, responseUrl };
    if (d.error) return r;
    const shown = showAck(u.id, ch, d.body);
    return { ...r, ...shown, ok: shown.error === undefined };
  }

  async function clickButton(args: { userId: string; source: InteractionSource; actionId: string; value?: string; blockId?: string }): Promise<ActionResult> {
    const s = resolveSource(args.userId, args.source);
    const found = findElement(s.blocks, args.actionId, args.blockId);
    if (!found) throw new Error(`no element with action_id ${args.actionId} there`);
    const el = found.element;
    if (el.type !== 'button' && el.type !== 'workflow_button') throw new Error(`${args.actionId} is a ${String(el.type)}, not a button`);
    const value = args.value ?? (typeof el.value === 'string' ? el.value : undefined);
    const { payload, triggerId, responseUrl } = blockActions(args.userId, s, {
      action_id: args.actionId, block_id: found.block.block_id, text: el.text, type: 'button', action_ts: actionTs(),
      ...(value !== undefined ? { value } : {}), ...(el.style ? { style: el.style } : {}), ...(el.url ? { url: el.url } : {}),
    });
    const d = await sender.send('block_actions', payloadForm(payload));
    return { ...result(d), triggerId, sent: true, ...(responseUrl ? { responseUrl } : {}) };
  }

  async function selectOption(args: { userId: string; source: InteractionSource; actionId: string; value: InputValue; blockId?: string }): Promise<ActionResult> {
    const s = resolveSource(args.userId, args.source);
    const found = findElement(s.blocks, args.actionId, args.blockId);
    if (!found) throw new Error(`no element with action_id ${args.actionId} there`);
    const blockId = String(found.block.block_id);
    const entry = elementState(found.element, args.value, ws.suggestedOptions.get(suggestionKey(s.key, blockId, args.actionId)));
    (s.state[blockId] ??= {})[args.actionId] = entry;
    if (found.inInput && found.block.dispatch_action !== true) {
      return { ok: true, status: null, ackMs: 0, triggerId: '', sent: false };
    }
    const { payload, triggerId, responseUrl } = blockActions(args.userId, s, {
      ...entry, action_id: args.actionId, block_id: blockId, action_ts: actionTs(),
      ...(found.element.placeholder ? { placeholder: found.element.placeholder } : {}),
    });
    const d = await sender.send('block_actions', payloadForm(payload));
    return { ...result(d), triggerId, sent: true, ...(responseUrl ? { responseUrl } : {}) };
  }

  async function requestOptions(args: { userId: string; source: InteractionSource; actionId: string; value: string; blockId?: string }): Promise<SuggestionResult> {
    const s = resolveSource(args.userId, args.source);
    const found = findElement(s.blocks, args.actionId, args.blockId);
    if (!found || !String(found.element.type).endsWith('external_select')) throw new Error(`${args.actionId} is not an external select there`);
    const blockId = String(found.block.block_id);
    const { fields } = sourceFields(args.userId, s, false);
    const payload: Json = {
      type: 'block_suggestion', user: userRef(args.userId), api_app_id: identity.appId, token: VERIFICATION_TOKEN,
      team: team(), enterprise: null, is_enterprise_install: false, action_id: args.actionId, block_id: blockId,
      value: args.value, ...fields,
    };
    const d = await sender.send('block_suggestion', payloadForm(payload));
    const body = isObject(d.body) ? d.body : {};
    const options = Array.isArray(body.options) ? body.options.filter(isObject) : [];
    const optionGroups = Array.isArray(body.option_groups) ? body.option_groups.filter(isObject) : undefined;
    const all = [...options, ...(optionGroups ?? []).flatMap((g) => (Array.isArray(g.options) ? g.options.filter(isObject) : []))];
    ws.suggestedOptions.set(suggestionKey(s.key, blockId, args.actionId), all);
    return { ...result(d), options, ...(optionGroups ? { optionGroups } : {}) };
  }

  async function submitView(args: { userId: string; viewId: string; values?: Record<string, Record<string, InputValue>> }): Promise<SubmitResult> {
    const record = ws.views.get(args.viewId);
    if (!record || record.userId !== args.userId || record.view.type !== 'modal') throw new Error(`no modal ${args.viewId} for ${args.userId}`);
    const stack = ws.modalStack(args.userId);
    if (stack.at(-1) !== args.viewId) throw new Error(`view ${args.viewId} is not on top of the modal stack`);
    const view = record.view;
    applyValues(view.state.values, view.blocks, args.values ?? {}, (b, a) => ws.suggestedOptions.get(suggestionKey(view.id, b, a)));
    const top = () => {
      const id = stack.at(-1);
      return id ? ws.views.get(id)?.view : undefined;
    };
    const clientErrors = clientSideErrors(view.blocks, view.state.values);
    if (Object.keys(clientErrors).length) {
      viewErrors.set(view.id, clientErrors);
      return { ok: false, status: null, ackMs: 0, error: 'client_validation', errors: clientErrors, view };
    }
    const triggerId = ws.issueTrigger(args.userId);
    const payload: Json = {
      type: 'view_submission', team: team(), user: userRef(args.userId), api_app_id: identity.appId,
      token: VERIFICATION_TOKEN, trigger_id: triggerId, view: viewOut(view), response_urls: [],
      enterprise: null, is_enterprise_install: false,
    };
    const d = await sender.send('view_submission', payloadForm(payload));
    const base = result(d);
    if (d.error) return { ...base, ...(top() ? { view: top() } : {}) };
    const body = isObject(d.body) ? d.body : {};
    const action = typeof body.response_action === 'string' ? body.response_action : undefined;
    const fail = (error: string, messages?: string[]): SubmitResult => ({ ...base, ok: false, error, ...(messages ? { messages } : {}), ...(action ? { responseAction: action } : {}), view });
    switch (action) {
      case undefined:
        popModal(args.userId, false);
        break;
      case 'errors': {
        const errors = isObject(body.errors) ? Object.fromEntries(Object.entries(body.errors).map(([k, v]) => [k, String(v)])) : {};
        const inputIds = new Set(view.blocks.filter((b) => b.type === 'input').map((b) => b.block_id));
        const unknown = Object.keys(errors).filter((k) => !inputIds.has(k));
        if (unknown.length || Object.keys(errors).length === 0) return fail('invalid_response_action', unknown.map((k) => `[ERROR] no input block with block_id ${k} [json-pointer:/errors]`));
        viewErrors.set(view.id, errors);
        return { ...base, ok: true, responseAction: action, errors, view };
      }
      case 'update':
      case 'push': {
        const problems = checkView(body.view, 'modal');
        if (problems.length) return fail('invalid_arguments', problems);
        try {
          if (action === 'update') {
            viewErrors.delete(view.id);
            replaceView(ctx, view, body.view as Json);
          } else openModal(ctx, args.userId, body.view as Json, false);
        } catch (e) {
          if (e instanceof ApiError) return fail(e.code);
          throw e;
        }
        break;
      }
      case 'clear':
        popModal(args.userId, true);
        break;
      default:
        return fail('invalid_response_action', [`[ERROR] unknown response_action ${action}`]);
    }
    const now = top();
    return { ...base, ...(action ? { responseAction: action } : {}), ...(now ? { view: now } : {}) };
  }

  /** The person closes the top modal with its close button (or the X). */
  async function closeView(args: { userId: string; viewId: string }): Promise<DeliveryResult> {
    const record = ws.views.get(args.viewId);
    const stack = ws.modalStack(args.userId);
    if (!record || stack.at(-1) !== args.viewId) throw new Error(`view ${args.viewId} is not on top of ${args.userId}'s modal stack`);
    const cleared = record.view.clear_on_close;
    popModal(args.userId, cleared);
    if (!record.view.notify_on_close) return { ok: true, status: null, ackMs: 0 };
    const d = await sender.send('view_closed', payloadForm({
      type: 'view_closed', team: team(), user: userRef(args.userId), api_app_id: identity.appId, token: VERIFICATION_TOKEN,
      view: viewOut(record.view), is_cleared: cleared, enterprise: null, is_enterprise_install: false,
    }));
    return result(d);
  }

  function envelope(event: Json, eventId: string): Json {
    return {
      token: VERIFICATION_TOKEN, team_id: identity.teamId, api_app_id: identity.appId, event, type: 'event_callback',
      event_id: eventId, event_time: Math.floor(clock.now().getTime() / 1000),
      authorizations: [{ enterprise_id: null, team_id: identity.teamId, user_id: identity.botUserId, is_bot: true, is_enterprise_install: false }],
      is_ext_shared_channel: false, event_context: `4-${Buffer.from(eventId).toString('base64url')}`,
    };
  }

  /**
   * Sends an Events API event_callback. `retryNum`/`retryReason` add Slack's retry headers;
   * `retries: true` retries like Slack (up to 3 times, immediately here) while the bot does not ack 2xx in time.
   */
  async function sendEvent(event: Json, opts: { eventId?: string; retryNum?: number; retryReason?: string; retries?: boolean } = {}): Promise<EventResult> {
    const eventId = opts.eventId ?? ws.nextId('Ev');
    const body = events.get(eventId) ?? envelope(event, eventId);
    events.set(eventId, body);
    const headersFor = (num?: number, reason?: string): Record<string, string> =>
      num === undefined ? {} : { 'X-Slack-Retry-Num': String(num), 'X-Slack-Retry-Reason': reason ?? 'http_timeout' };
    let d = await sender.send('event_callback', JSON.stringify(body), { contentType: 'application/json', headers: headersFor(opts.retryNum, opts.retryReason) });
    for (let n = 1; opts.retries && d.error && n <= 3; n += 1) {
      d = await sender.send('event_callback', JSON.stringify(body), {
        contentType: 'application/json', headers: headersFor(n, d.error === 'operation_timeout' ? 'http_timeout' : 'http_error'),
      });
    }
    return { ...result(d), eventId };
  }

  /** A person writes in a conversation; the bot hears it if it subscribes and is there. */
  async function postUserMessage(args: { userId: string; channelId: string; text: string; threadTs?: string }): Promise<{ message: SlackMessage; deliveries: EventResult[] }> {
    const u = user(args.userId);
    const ch = channel(args.channelId);
    ws.ensureMember(ch, u.id);
    const parent = args.threadTs ? ws.findMessage(ch.id, args.threadTs, { ephemeral: false }) : undefined;
    if (args.threadTs && !parent) throw new Error(`no thread ${args.threadTs} in ${ch.id}`);
    const message = ws.addMessage({ channel: ch.id, user: u.id, text: args.text, ...(parent ? { thread_ts: parent.thread_ts ?? parent.ts } : {}) });
    const deliveries: EventResult[] = [];
    const botHere = ch.members.includes(identity.botUserId);
    const channelType = ch.is_im ? 'im' : ch.is_mpim ? 'mpim' : ch.is_private ? 'group' : 'channel';
    const base: Json = {
      user: u.id, text: message.text, ts: message.ts, channel: ch.id, event_ts: message.ts, team: identity.teamId,
      ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
    };
    const eventName = { im: 'message.im', mpim: 'message.mpim', group: 'message.groups', channel: 'message.channels' }[channelType];
    if (botHere && subscribed.has(eventName)) deliveries.push(await sendEvent({ type: 'message', ...base, channel_type: channelType }));
    if (botHere && !ch.is_im && subscribed.has('app_mention') && message.text.includes(`<@${identity.botUserId}>`)) {
      deliveries.push(await sendEvent({ type: 'app_mention', ...base }));
    }
    return { message, deliveries };
  }

  /** A person opens the app's Home tab. */
  async function openHome(userId: string): Promise<EventResult | undefined> {
    user(userId);
    if (!subscribed.has('app_home_opened')) return undefined;
    const homeId = ws.homeViews.get(userId);
    const home = homeId ? ws.views.get(homeId)?.view : undefined;
    return sendEvent({
      type: 'app_home_opened', user: userId, channel: ws.dmWith(userId).id, tab: 'home', event_ts: ws.nextTs(),
      ...(home ? { view: viewOut(home) } : {}),
    });
  }

  // ---------- accessors ----------
  const visibleTo = (m: SlackMessage) => m.ephemeral_for === undefined;
  const emulator = {
    router,
    workspace: ws,
    identity,
    get botUrl() {
      return sender.botUrl;
    },
    get publicUrl() {
      return publicUrl;
    },
    /** The Web API base URL for SLACK_API_URL / slackApiUrl (ends with a slash). */
    get apiUrl() {
      return `${publicUrl}/api/`;
    },
    setBotUrl(url: string) {
      sender.botUrl = url;
    },
    setPublicUrl(url: string) {
      publicUrl = url.replace(/\/$/, '');
    },
    setRateLimit(enabled: boolean) {
      ctx.rateLimit = enabled;
    },

    sendSlashCommand,
    clickButton,
    selectOption,
    requestOptions,
    submitView,
    closeView,
    sendEvent,
    postUserMessage,
    openHome,
    /** Sends any body, signed (or not: pass `signature`), to the bot; for forged/replayed requests. */
    sendRaw: (body: string, opts: RawSendOptions = {}) => sender.send('raw', body, opts),

    /** Every non-ephemeral message of a conversation (thread replies included), oldest first. */
    messages(channelIdOrName: string): SlackMessage[] {
      const ch = ws.channel(channelIdOrName);
      return ch ? ws.channelMessages(ch.id).filter(visibleTo) : [];
    },
    /** Thread parent and replies, oldest first. */
    thread(channelIdOrName: string, ts: string): SlackMessage[] {
      const ch = ws.channel(channelIdOrName);
      if (!ch) return [];
      return ws.channelMessages(ch.id).filter((m) => visibleTo(m) && (m.ts === ts || m.thread_ts === ts));
    },
    /** Ephemeral messages shown to a person, optionally in one conversation. */
    ephemerals(userId: string, channelIdOrName?: string): SlackMessage[] {
      const only = channelIdOrName ? ws.channel(channelIdOrName)?.id : undefined;
      return [...ws.messages.values()].flat().filter((m) => m.ephemeral_for === userId && (!only || m.channel === only));
    },
    /** Messages in the bot's DM with a person. */
    dms(userId: string): SlackMessage[] {
      const dm = [...ws.channels.values()].find((c) => c.is_im && c.user === userId);
      return dm ? ws.channelMessages(dm.id).filter(visibleTo) : [];
    },
    /** A person's modal stack, bottom first. */
    openViews(userId: string): SlackView[] {
      return ws.modalStack(userId).map((id) => ws.views.get(id)?.view).filter((v): v is SlackView => v !== undefined);
    },
    topView(userId: string): SlackView | undefined {
      const id = ws.modalStack(userId).at(-1);
      return id ? ws.views.get(id)?.view : undefined;
    },
    homeView(userId: string): SlackView | undefined {
      const id = ws.homeViews.get(userId);
      return id ? ws.views.get(id)?.view : undefined;
    },
    view(viewId: string): SlackView | undefined {
      return ws.views.get(viewId)?.view;
    },
    /** What a person selected in a message's elements so far (Slack's `state.values`). */
    messageState(channelId: string, ts: string, userId: string): StateValues | undefined {
      return messageStates.get(`${channelId}:${ts}:${userId}`);
    },
    viewErrors(viewId: string): Record<string, string> | undefined {
      return viewErrors.get(viewId);
    },
    channel: (idOrName: string): SlackChannel | undefined => ws.channel(idOrName),
    channelByName: (name: string): SlackChannel | undefined => ws.channelByName(name),
    channels: (): SlackChannel[] => [...ws.channels.values()],
    dmChannel: (userId: string): SlackChannel => ws.dmWith(userId),
    user: (id: string): SlackUser | undefined => ws.users.get(id),
    users: (): SlackUser[] => [...ws.users.values()],
    usergroups: (): Usergroup[] => [...ws.usergroups.values()],
    pins: (channelIdOrName: string): SlackMessage[] => emulator.messages(channelIdOrName).filter((m) => m.pinned_to?.length),
    addUser: (seed: UserSeed) => ws.addUser(seed),
    addChannel: (seed: ChannelSeed) => ws.addChannel(seed),
    /** Web API calls the bot made, in order. */
    apiCalls: apiCalls as readonly ApiCall[],
    /** Requests the emulator sent to the bot, in order, with status and ack time. */
    deliveries: sender.deliveries as readonly Delivery[],
    /** Polls until `predicate` holds (the bot works after its ack), or throws after timeoutMs. */
    async waitFor<T>(predicate: () => T | undefined | false | null, opts: { timeoutMs?: number; intervalMs?: number } = {}): Promise<T> {
      const deadline = performance.now() + (opts.timeoutMs ?? 2000);
      for (;;) {
        const v = predicate();
        if (v instanceof Promise) throw new Error('Slack emulator: waitFor wants a synchronous predicate');
        if (v) return v;
        if (performance.now() > deadline) throw new Error('Slack emulator: waitFor timed out');
        await new Promise((r) => setTimeout(r, opts.intervalMs ?? 10));
      }
    },
  };
  return emulator;
}

export type SlackEmulator = ReturnType<typeof createSlackEmulator>;
