import type { IncomingMessage, ServerResponse } from 'node:http';
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import express, { type Router } from 'express';
import type { Logger } from 'pino';
import { parseSlackBody, type SlackRequestKind } from './parse-slack-body.ts';
import { verifySlackRequest } from './verify-slack-request.ts';
import { actorOf, foreignWorkspace, type Workspace } from './workspace-boundary.ts';

/** Told of every request refused at the workspace boundary (the platform audits it). */
export type RefusalRecorder = (refusal: { kind: SlackRequestKind; actor: string | undefined; reason: string; body: Record<string, unknown> }) => void;

/**
 * How each request ended at the edge. The id is reported only for handled requests: an ignored
 * or refused one could carry any string, and metric labels must stay a bounded set.
 */
export type EdgeOutcome = 'handled' | 'ignored' | 'refused' | 'malformed' | 'bad_signature';
export type OutcomeRecorder = (kind: SlackRequestKind | 'unknown', id: string, outcome: EdgeOutcome) => void;

export interface SlackHttpReceiverOptions {
  signingSecret: string;
  onOutcome?: OutcomeRecorder;
  workspace: Workspace;
  log: Logger;
  onRefused: RefusalRecorder;
  /** Real time: Slack signs with its clock, not with the bot's (tests run the bot on a manual clock). */
  nowMs?: () => number;
  bodyLimit?: string;
}

export const FOREIGN_WORKSPACE_TEXT = 'This bot serves the Kubernetes Slack workspace only; requests from other workspaces and organisations are refused.';

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (res.headersSent) return;
  if (body === undefined) {
    res.writeHead(status);
    res.end();
  } else if (typeof body === 'string') {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(body);
  } else {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }
}

/** The refusal as each kind of request can show it to the person who sent it. */
export function refusalAnswer(kind: SlackRequestKind): unknown {
  switch (kind) {
    case 'slash_command':
      return { response_type: 'ephemeral', text: `:no_entry: ${FOREIGN_WORKSPACE_TEXT}` };
    case 'view_submission':
      return {
        response_action: 'push',
        view: { type: 'modal', title: { type: 'plain_text', text: 'Not allowed' }, close: { type: 'plain_text', text: 'Close' }, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `:no_entry: ${FOREIGN_WORKSPACE_TEXT}` } }] },
      };
    case 'block_suggestion':
      return { options: [] };
    default:
      return undefined;
  }
}

/**
 * The HTTP edge of the Slack app at `POST /slack/events`, in place of Bolt's ExpressReceiver:
 * - the signature and a timestamp within five minutes either side of now (Bolt accepts any
 *   future timestamp, and milliseconds);
 * - a body every listener can rely on, or 400 (never a 500 with a stack);
 * - the workspace boundary before any listener runs: another workspace, another organisation
 *   or a Slack Connect user from one is refused (ephemeral where Slack can show it), audited;
 * - every signed request answered 200 within Slack's 3 s, including ones no listener handles
 *   (an unknown action_id or callback_id, view_closed, a shortcut, app_rate_limited), logged.
 */
export class SlackHttpReceiver implements Receiver {
  private bolt: App | undefined;
  readonly router: Router;

  constructor(private readonly options: SlackHttpReceiverOptions) {
    this.router = express.Router();
    this.router.post('/slack/events', express.text({ type: () => true, limit: options.bodyLimit ?? '4mb' }), (req, res) => {
      void this.handle(req, res).catch((err: unknown) => {
        options.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'Slack request failed at the edge');
        send(res, 200);
      });
    });
  }

  init(app: App): void {
    this.bolt = app;
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  private async handle(req: express.Request, res: express.Response): Promise<void> {
    const { log } = this.options;
    const raw = typeof req.body === 'string' ? req.body : '';
    const verified = verifySlackRequest({
      signingSecret: this.options.signingSecret,
      rawBody: raw,
      signature: req.get('x-slack-signature'),
      timestamp: req.get('x-slack-request-timestamp'),
      nowMs: (this.options.nowMs ?? Date.now)(),
    });
    const outcome = this.options.onOutcome ?? (() => undefined);
    if (!verified.ok) {
      outcome('unknown', 'unknown', 'bad_signature');
      log.warn({ reason: verified.reason }, 'Slack request refused: bad signature');
      send(res, 401);
      return;
    }
    const parsed = parseSlackBody(raw, req.get('content-type'));
    if (!parsed.ok) {
      outcome('unknown', 'unknown', 'malformed');
      log.warn({ reason: parsed.reason }, 'Slack request refused: malformed body');
      send(res, 400, { ok: false, error: parsed.reason });
      return;
    }
    const { kind, body } = parsed;
    if (kind === 'ssl_check') return send(res, 200);
    if (kind === 'url_verification') return send(res, 200, { challenge: body.challenge });
    const foreign = foreignWorkspace(body, this.options.workspace);
    if (foreign) {
      const actor = actorOf(body);
      log.warn({ kind, actor, from: foreign }, 'Slack request refused: not our workspace');
      this.options.onRefused({ kind, actor, reason: `request from ${foreign}`, body });
      outcome(kind, 'unknown', 'refused');
      send(res, 200, refusalAnswer(kind));
      if (kind === 'block_actions' && typeof body.response_url === 'string') void this.tellByResponseUrl(body.response_url);
      return;
    }
    if (kind === 'app_rate_limited') {
      log.warn({ minute: body.minute_rate_limited }, 'Slack is rate limiting events for this app');
      return send(res, 200);
    }
    await this.dispatch(kind, body, req, res);
  }

  private async dispatch(kind: SlackRequestKind, body: Record<string, unknown>, req: IncomingMessage, res: ServerResponse): Promise<void> {
    let acked = false;
    const ack = async (response?: unknown): Promise<void> => {
      if (acked) return;
      acked = true;
      send(res, 200, response === undefined || response === '' ? undefined : response);
    };
    const retry = Number(req.headers['x-slack-retry-num']);
    const event: ReceiverEvent = {
      body,
      ack,
      ...(Number.isInteger(retry) ? { retryNum: retry } : {}),
      ...(typeof req.headers['x-slack-retry-reason'] === 'string' ? { retryReason: req.headers['x-slack-retry-reason'] } : {}),
    };
    try {
      await this.bolt?.processEvent(event);
    } catch (err) {
      this.options.log.error({ err, kind }, 'a Slack listener failed');
    }
    if (!acked) {
      // Nothing listens for it (an id from an old message, a kind the bot does not use): Slack
      // must still get its 200, or it shows the person an error and retries.
      this.options.log.info({ kind, id: idOf(kind, body) }, 'Slack request ignored: no listener');
      await ack();
      this.options.onOutcome?.(kind, 'unknown', 'ignored');
    } else {
      this.options.onOutcome?.(kind, idOf(kind, body) ?? 'unknown', 'handled');
    }
  }

  private async tellByResponseUrl(url: string): Promise<void> {
    try {
      await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text: `:no_entry: ${FOREIGN_WORKSPACE_TEXT}` }),
        signal: AbortSignal.timeout(5000),
      });
    } catch (err) {
      this.options.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'could not tell a foreign user they were refused');
    }
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const field = (v: unknown, key: string): string | undefined => (isRecord(v) && v[key] !== undefined ? String(v[key]) : undefined);

/** The id a request is routed by (action_id, callback_id, event type, command), for logs and metrics. */
function idOf(kind: SlackRequestKind, body: Record<string, unknown>): string | undefined {
  switch (kind) {
    case 'block_actions':
      return Array.isArray(body.actions) ? field(body.actions[0], 'action_id') : undefined;
    case 'view_submission':
    case 'view_closed':
      return field(body.view, 'callback_id');
    case 'block_suggestion':
      return field(body, 'action_id');
    case 'shortcut':
    case 'message_action':
      return field(body, 'callback_id');
    case 'event_callback':
      return field(body.event, 'type');
    default:
      return field(body, 'command');
  }
}
