import { systemClock } from '../core/clock.ts';
import type { ApiCall, SlackEmulator, SlackEmulatorOptions } from './emulator-interface.ts';
import { callCounters } from './counters.ts';
import { createHttpRouter } from './http-router.ts';
import { openHome } from './interactions/app-home.ts';
import { clickButton, selectOption } from './interactions/block-actions.ts';
import { requestOptions } from './interactions/block-suggestion.ts';
import { actorOf, identityFields, type InteractionContext } from './interactions/context.ts';
import { sendEvent } from './interactions/events.ts';
import { sendRaw } from './interactions/raw.ts';
import { sendSlashCommand } from './interactions/slash-command.ts';
import { postUserMessage } from './interactions/user-message.ts';
import { closeView } from './interactions/view-closed.ts';
import { submitView } from './interactions/view-submission.ts';
import { SignedSender } from './signed-sender.ts';
import { SlackWorkspace, type Identity } from './slack-workspace.ts';
import { waitFor } from './wait-for.ts';
import { FaultInjector } from './web-api-faults.ts';
import type { WebApiContext } from './web-api/context.ts';
import { workspaceQueries } from './workspace-queries.ts';

/**
 * The Slack emulator (the project's fake Slack, after GoAlert's devtools/mockslack): the bot's
 * WebClient points at its Web API, and tests drive the bot through it with signed requests.
 * This file only assembles the parts: web-api/ (one file per method family), interactions/
 * (one file per kind of request Slack sends), the HTTP router and the read-side queries.
 */

export { signSlackRequest } from './slack-signature.ts';
export type { Delivery, RawSendOptions } from './signed-sender.ts';
export type { ChannelSeed, Identity, Json, SlackChannel, SlackMessage, SlackUser, SlackView, Usergroup, UserSeed } from './slack-workspace.ts';
export type { InputValue } from './view-state.ts';
export type { CallCounters } from './counters.ts';
export type { FaultHandle, FaultOptions, WebApiFaults } from './web-api-faults.ts';
export type {
  ActionResult, ApiCall, RawBody, ClickArgs, DeliveryResult, EventResult, InteractionSource, SelectArgs, SendEventOptions,
  SlackEmulator, SlackEmulatorOptions, SlashCommandArgs, SlashCommandResult, SubmitArgs, SubmitResult, SuggestArgs,
  SuggestionResult, TeamRef, UserMessageArgs, CloseViewArgs,
} from './emulator-interface.ts';

const DEFAULT_IDENTITY: Identity = {
  teamId: 'T0SANDBOX', teamDomain: 'k8s-infra-sandbox', appId: 'A0SANDBOX', botId: 'B0SANDBOX',
  botUserId: 'U0SANDBOXBOT', botName: 'k8s-infra-bot',
};
const DEFAULT_EVENTS = ['app_home_opened', 'app_mention', 'message.im'];

export function createSlackEmulator(options: SlackEmulatorOptions): SlackEmulator {
  const clock = options.clock ?? systemClock;
  const identity: Identity = {
    ...DEFAULT_IDENTITY, ...options.identity,
    ...(options.teamId ? { teamId: options.teamId } : {}),
    ...(options.enterpriseId ? { enterpriseId: options.enterpriseId } : {}),
    ...(options.enterpriseName ? { enterpriseName: options.enterpriseName } : {}),
  };
  const ws = new SlackWorkspace(clock, identity);
  for (const u of options.users ?? []) ws.addUser(u);
  for (const c of options.channels ?? []) ws.addChannel(c);
  const posted = new Map<string, number>();
  const calls = new Map<string, number>();
  const api: WebApiContext = { ws, botToken: options.botToken, rateLimit: options.rateLimit ?? true, lastPostAt: new Map(), posted };
  const faults = new FaultInjector();
  const sender = new SignedSender(options.signingSecret, options.ackTimeoutMs ?? 3000, options.requestClock ?? systemClock, clock, options.botUrl);
  let publicUrl = options.publicUrl?.replace(/\/$/, '') ?? '';
  const apiCalls: ApiCall[] = [];
  const ix: InteractionContext = {
    ws, api, identity, sender, clock,
    subscribed: new Set(options.subscribedEvents ?? DEFAULT_EVENTS),
    publicUrl: () => publicUrl,
    messageStates: new Map(),
    viewErrors: new Map(),
    events: new Map(),
  };

  return {
    router: createHttpRouter({ api, clock, apiCalls, faults, countCall: (m) => calls.set(m, (calls.get(m) ?? 0) + 1) }),
    workspace: ws,
    identity,
    teamId: identity.teamId,
    enterpriseId: identity.enterpriseId,
    get botUrl() {
      return sender.botUrl;
    },
    get publicUrl() {
      return publicUrl;
    },
    get apiUrl() {
      return `${publicUrl}/api/`;
    },
    setBotUrl(url) {
      sender.botUrl = url;
    },
    setPublicUrl(url) {
      publicUrl = url.replace(/\/$/, '');
    },
    setRateLimit(enabled) {
      api.rateLimit = enabled;
    },
    faults,

    sendSlashCommand: (args) => sendSlashCommand(ix, args),
    clickButton: (args) => clickButton(ix, args),
    selectOption: (args) => selectOption(ix, args),
    requestOptions: (args) => requestOptions(ix, args),
    submitView: (args) => submitView(ix, args),
    closeView: (args) => closeView(ix, args),
    sendEvent: (event, opts) => sendEvent(ix, event, opts),
    postUserMessage: (args) => postUserMessage(ix, args),
    openHome: (userId) => openHome(ix, userId),
    payloadIdentity: (userId, fromTeam) => identityFields(ix, actorOf(ix, userId, fromTeam)),
    sendRaw: (body, opts) => sendRaw(ix, body, opts),

    ...workspaceQueries(ws, ix.messageStates, ix.viewErrors),
    ...callCounters(ws, calls, posted),
    apiCalls,
    deliveries: sender.deliveries,
    waitFor,
  };
}
