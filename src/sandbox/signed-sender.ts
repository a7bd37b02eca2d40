import type { Clock } from '../core/clock.ts';
import { signSlackRequest } from './slack-signature.ts';

/** One request the emulator sent to the bot, as Slack would see it. */
export interface Delivery {
  kind: string;
  /** HTTP status of the bot's answer; null when there was none (timeout, connection refused). */
  status: number | null;
  /** Milliseconds (real time) until the bot acknowledged. */
  ackMs: number;
  error?: 'operation_timeout' | 'connection_error' | 'http_error';
  /** The bot's answer: parsed JSON, text, or undefined when empty. */
  body?: unknown;
  /** The bot's answer headers, names in lower case. */
  headers?: Record<string, string>;
  at: Date;
}

/**
 * How to send a request, for forged, replayed, retried or malformed deliveries. By default the
 * emulator signs the exact body with the request clock's time in whole seconds, as Slack does.
 */
export interface RawSendOptions {
  contentType?: string;
  /** Extra request headers; they win over the ones the emulator sets. */
  headers?: Record<string, string>;
  /** The X-Slack-Request-Timestamp to send and sign, verbatim (seconds normally; any string to test a parser). */
  timestamp?: number | string;
  /** Shift the timestamp from the request clock by this many seconds: -301 is stale, +301 comes from the future. */
  skewSeconds?: number;
  /** Send (and sign) the timestamp in milliseconds instead of seconds, as a careless sender would. */
  timestampInMs?: boolean;
  /** Send this signature instead of the right one (e.g. tampered). */
  signature?: string;
  /** Send neither X-Slack-Signature nor X-Slack-Request-Timestamp. */
  unsigned?: boolean;
  /** X-Slack-Retry-Num (Slack sends 1, 2, 3 on its retries). */
  retryNum?: number | string;
  /** X-Slack-Retry-Reason, e.g. http_timeout, http_error, too_many_redirects; default http_timeout with retryNum. */
  retryReason?: string;
  /** This request's ack budget; default the emulator's (3 s). */
  timeoutMs?: number;
}

/** Sends signed requests to the bot's `POST /slack/events`, with Slack's 3-second ack budget. */
export class SignedSender {
  readonly deliveries: Delivery[] = [];
  botUrl: string | undefined;

  constructor(
    private readonly signingSecret: string,
    private readonly ackTimeoutMs: number,
    /** Wall clock for X-Slack-Request-Timestamp: the receiving Bolt checks it against real time. */
    private readonly requestClock: Clock,
    private readonly clock: Clock,
    botUrl?: string,
  ) {
    this.botUrl = botUrl;
  }

  private timestamp(options: RawSendOptions): string {
    if (options.timestamp !== undefined) return String(options.timestamp);
    const ms = this.requestClock.now().getTime() + (options.skewSeconds ?? 0) * 1000;
    return String(options.timestampInMs ? Math.floor(ms) : Math.floor(ms / 1000));
  }

  async send(kind: string, body: string, options: RawSendOptions = {}): Promise<Delivery> {
    if (!this.botUrl) throw new Error('Slack emulator: botUrl is not set (call setBotUrl after the bot listens)');
    const timestamp = this.timestamp(options);
    const headers: Record<string, string> = {
      'Content-Type': options.contentType ?? 'application/x-www-form-urlencoded',
      'User-Agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      ...(options.unsigned ? {} : {
        'X-Slack-Request-Timestamp': timestamp,
        'X-Slack-Signature': options.signature ?? signSlackRequest(this.signingSecret, body, timestamp),
      }),
      ...(options.retryNum !== undefined ? { 'X-Slack-Retry-Num': String(options.retryNum), 'X-Slack-Retry-Reason': options.retryReason ?? 'http_timeout' } : {}),
      ...(options.retryNum === undefined && options.retryReason !== undefined ? { 'X-Slack-Retry-Reason': options.retryReason } : {}),
      ...options.headers,
    };
    const started = performance.now();
    const delivery: Delivery = { kind, status: null, ackMs: 0, at: this.clock.now() };
    try {
      const res = await fetch(this.botUrl, { method: 'POST', headers, body, signal: AbortSignal.timeout(options.timeoutMs ?? this.ackTimeoutMs) });
      const text = await res.text();
      delivery.status = res.status;
      const answered: Record<string, string> = {};
      res.headers.forEach((value, name) => {
        answered[name] = value;
      });
      delivery.headers = answered;
      if (text) {
        const json = (res.headers.get('content-type') ?? '').includes('json');
        try {
          delivery.body = json ? (JSON.parse(text) as unknown) : text;
        } catch {
          delivery.body = text;
        }
      }
      if (res.status < 200 || res.status > 299) delivery.error = 'http_error';
    } catch (e) {
      const name = e instanceof Error ? e.name : '';
      delivery.error = name === 'TimeoutError' || name === 'AbortError' ? 'operation_timeout' : 'connection_error';
    }
    delivery.ackMs = Math.round(performance.now() - started);
    this.deliveries.push(delivery);
    return delivery;
  }
}
