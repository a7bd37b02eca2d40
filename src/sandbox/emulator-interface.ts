import type { Router } from 'express';
import type { Clock } from '../core/clock.ts';
import type { Delivery, RawSendOptions } from './signed-sender.ts';
import type {
  ChannelSeed, Identity, Json, SlackChannel, SlackMessage, SlackUser, SlackView, SlackWorkspace, Usergroup, UserSeed,
} from './slack-workspace.ts';
import type { InputValue, StateValues } from './view-state.ts';
import type { CallCounters } from './counters.ts';
import type { WebApiFaults } from './web-api-faults.ts';
import type { Args } from './web-api/context.ts';

/**
 * What the Slack emulator offers its users (the e2e rig, local mode, the sandbox page, tests):
 * the options it is made with, the results of driving the bot, and the `SlackEmulator` itself.
 */

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
  /** The emulator's own workspace (team) id, in every payload; default T0SANDBOX. Wins over identity.teamId. */
  teamId?: string;
  /** The Enterprise Grid organisation the workspace belongs to, if any; payloads then carry it too. */
  enterpriseId?: string;
  enterpriseName?: string;
  /** Events the app subscribes to (manifest), used by postUserMessage and openHome. */
  subscribedEvents?: string[];
}

/** Where an interaction happens: a message in a conversation, or an open view (modal or Home tab). */
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
  /** Faults applied to the call (hold, fail, http_error, rate_limit, accept_then_drop). */
  faults?: string[];
}

/**
 * The workspace a person acts from when a call says so, overriding their seed: e.g. a click
 * "from another workspace" (a Slack Connect user of another organisation in a shared channel).
 */
export interface TeamRef {
  id: string;
  /** Default: the id in lower case. */
  domain?: string;
  enterpriseId?: string;
  enterpriseName?: string;
}

export interface SlashCommandArgs {
  userId: string;
  channelId: string;
  text: string;
  command?: string;
  fromTeam?: TeamRef;
}

export interface ClickArgs {
  userId: string;
  source: InteractionSource;
  actionId: string;
  value?: string;
  blockId?: string;
  fromTeam?: TeamRef;
}

export interface SelectArgs {
  userId: string;
  source: InteractionSource;
  actionId: string;
  value: InputValue;
  blockId?: string;
  fromTeam?: TeamRef;
}

export interface SuggestArgs {
  userId: string;
  source: InteractionSource;
  actionId: string;
  value: string;
  blockId?: string;
  fromTeam?: TeamRef;
}

export interface SubmitArgs {
  userId: string;
  viewId: string;
  values?: Record<string, Record<string, InputValue>>;
  fromTeam?: TeamRef;
}

export interface CloseViewArgs {
  userId: string;
  viewId: string;
  fromTeam?: TeamRef;
}

export interface SendEventOptions {
  eventId?: string;
  /** The event happened in a conversation shared with another organisation (`is_ext_shared_channel`). */
  extShared?: boolean;
  /** Fields to set in (or, with undefined, leave out of) the envelope, e.g. another `team_id` or `authorizations`. */
  envelope?: Json;
  retryNum?: number;
  retryReason?: string;
  /** Retry like Slack (up to 3 times, immediately here) while the bot does not ack 2xx in time. */
  retries?: boolean;
}

export interface UserMessageArgs {
  userId: string;
  channelId: string;
  text: string;
  threadTs?: string;
  fromTeam?: TeamRef;
}

/**
 * A body for sendRaw: a string is sent as is (form content type unless told otherwise);
 * `{ payload }` as the interactivity form `payload=<JSON>` (so `{ payload: null }` is `payload=null`);
 * `{ json }` as application/json; `{ form }` as a form with exactly those fields.
 */
export type RawBody = string | { payload: unknown } | { json: unknown } | { form: Record<string, string> };

export interface SlackEmulator extends CallCounters {
  /** Serves the Web API (`/api/:method`) and response_urls; mount it at `publicUrl`. */
  readonly router: Router;
  readonly workspace: SlackWorkspace;
  readonly identity: Identity;
  /** The emulator's own workspace id (the app is installed there). */
  readonly teamId: string;
  readonly enterpriseId: string | undefined;
  readonly botUrl: string | undefined;
  readonly publicUrl: string;
  /** The Web API base URL for SLACK_API_URL / slackApiUrl (ends with a slash). */
  readonly apiUrl: string;
  setBotUrl(url: string): void;
  setPublicUrl(url: string): void;
  setRateLimit(enabled: boolean): void;
  /** Faults on the Web API and response_urls: slow, failing, rate-limited or dropped calls. */
  readonly faults: WebApiFaults;

  // Driving the bot, as a person in Slack would.
  sendSlashCommand(args: SlashCommandArgs): Promise<SlashCommandResult>;
  clickButton(args: ClickArgs): Promise<ActionResult>;
  selectOption(args: SelectArgs): Promise<ActionResult>;
  requestOptions(args: SuggestArgs): Promise<SuggestionResult>;
  submitView(args: SubmitArgs): Promise<SubmitResult>;
  /** The person closes the top modal with its close button (or the X). */
  closeView(args: CloseViewArgs): Promise<DeliveryResult>;
  /** Sends an Events API event_callback (with Slack's retry headers when asked). */
  sendEvent(event: Json, opts?: SendEventOptions): Promise<EventResult>;
  /** A person writes in a conversation; the bot hears it if it subscribes and is there. */
  postUserMessage(args: UserMessageArgs): Promise<{ message: SlackMessage; deliveries: EventResult[] }>;
  /** A person opens the app's Home tab. */
  openHome(userId: string): Promise<EventResult | undefined>;
  /**
   * The identity fields the emulator writes into interaction payloads for this person (token,
   * api_app_id, team, user, enterprise, is_enterprise_install), to build raw payloads from.
   */
  payloadIdentity(userId: string, fromTeam?: TeamRef): Json;
  /**
   * Sends any body to the bot, signed as Slack signs unless told otherwise (stale, future or
   * millisecond timestamps, a wrong or no signature, retry headers); answers the HTTP status,
   * the body, the headers and the time taken. The emulator's state does not change.
   */
  sendRaw(body: RawBody, opts?: RawSendOptions): Promise<Delivery>;

  // Reading what happened.
  /** Every non-ephemeral message of a conversation (thread replies included), oldest first. */
  messages(channelIdOrName: string): SlackMessage[];
  /** Thread parent and replies, oldest first. */
  thread(channelIdOrName: string, ts: string): SlackMessage[];
  /** Ephemeral messages shown to a person, optionally in one conversation. */
  ephemerals(userId: string, channelIdOrName?: string): SlackMessage[];
  /** Messages in the bot's DM with a person. */
  dms(userId: string): SlackMessage[];
  /** A person's modal stack, bottom first. */
  openViews(userId: string): SlackView[];
  topView(userId: string): SlackView | undefined;
  homeView(userId: string): SlackView | undefined;
  view(viewId: string): SlackView | undefined;
  /** What a person selected in a message's elements so far (Slack's `state.values`). */
  messageState(channelId: string, ts: string, userId: string): StateValues | undefined;
  viewErrors(viewId: string): Record<string, string> | undefined;
  channel(idOrName: string): SlackChannel | undefined;
  channelByName(name: string): SlackChannel | undefined;
  channels(): SlackChannel[];
  dmChannel(userId: string): SlackChannel;
  user(id: string): SlackUser | undefined;
  users(): SlackUser[];
  usergroups(): Usergroup[];
  pins(channelIdOrName: string): SlackMessage[];
  addUser(seed: UserSeed): SlackUser;
  addChannel(seed: ChannelSeed): SlackChannel;
  /** Web API calls the bot made, in order. */
  readonly apiCalls: readonly ApiCall[];
  /** Requests the emulator sent to the bot, in order, with status and ack time. */
  readonly deliveries: readonly Delivery[];
  /** Polls until `predicate` holds (the bot works after its ack), or throws after timeoutMs. */
  waitFor<T>(predicate: () => T | undefined | false | null, opts?: { timeoutMs?: number; intervalMs?: number }): Promise<T>;
}
