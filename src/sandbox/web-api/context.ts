import type { Json, SlackWorkspace } from '../slack-workspace.ts';

/** What every Web API method works with: the workspace, the token it accepts, and Slack's limits' state. */

export type Args = Record<string, unknown>;

export interface ApiResponse {
  status: number;
  body: Json;
  headers?: Record<string, string>;
}

export interface WebApiContext {
  ws: SlackWorkspace;
  botToken: string;
  rateLimit: boolean;
  /** Last successful chat.postMessage per channel, for the 1-per-second limit. */
  lastPostAt: Map<string, number>;
  /** Messages the bot posted per conversation id (counted, never decremented), to see doubles. */
  posted?: Map<string, number>;
}

/** A method answers the fields of its `ok: true` body, or a whole response (e.g. HTTP 429). */
export type Handler = (ctx: WebApiContext, args: Args) => ApiResponse | Json;
export type MethodTable = Readonly<Record<string, Handler>>;

/** A Slack error: the method answers HTTP 200 `{ ok: false, error: code, ...extra }`. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly extra: Json = {},
  ) {
    super(code);
  }
}

export const invalidArguments = (messages: string[]) => new ApiError('invalid_arguments', { response_metadata: { messages } });
