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
  at: Date;
}

export interface RawSendOptions {
  contentType?: string;
  headers?: Record<string, string>;
  /** Override the signed timestamp (seconds), e.g. to replay an old request. */
  timestamp?: number;
  /** Override the signature, e.g. to tamper with it. */
  signature?: string;
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

  async send(kind: string, body: string, options: RawSendOptions = {}): Promise<Delivery> {
    if (!this.botUrl) throw new Error('Slack emulator: botUrl is not set (call setBotUrl after the bot listens)');
    const timestamp = options.timestamp ?? Math.floor(this.requestClock.now().getTime() / 1000);
    const headers: Record<string, string> = {
      'Content-Type': options.contentType ?? 'application/x-www-form-urlencoded',
      'User-Agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      'X-Slack-Request-Timestamp': String(timestamp),
      'X-Slack-Signature': options.signature ?? signSlackRequest(this.signingSecret, body, timestamp),
      ...options.headers,
    };
    const started = performance.now();
    const delivery: Delivery = { kind, status: null, ackMs: 0, at: this.clock.now() };
    try {
      const res = await fetch(this.botUrl, { method: 'POST', headers, body, signal: AbortSignal.timeout(this.ackTimeoutMs) });
      const text = await res.text();
      delivery.status = res.status;
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
