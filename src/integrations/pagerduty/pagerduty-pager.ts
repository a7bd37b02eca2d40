import { lazyModule, warmBeforeReady } from '../../core/lazy-module.ts';

const loadPdjs = lazyModule(() => import('@pagerduty/pdjs'));
import type { Pager, PagerAction, PagerAlert, PagerOutcome, PagerRef } from '../../escalation/ports/pager.ts';
import { MAX_PAGE_ID_LENGTH } from '../../escalation/ports/pager.ts';
import { classifyPagerDutyResponse } from './classify-response.ts';
import { truncateSummary } from './truncate-summary.ts';

export const DEFAULT_EVENTS_URL = 'https://events.pagerduty.com';

export interface PagerDutyPagerOptions {
  /** Some subproject has a routing key: load the client before the bot reports ready. */
  warm?: boolean;
  /** PAGERDUTY_EVENTS_URL: a base URL (https://events.eu.pagerduty.com, a test server); default PagerDuty's US one. */
  eventsUrl?: string;
  /** The Events v2 integration key of a subproject, or undefined when it has none (the call is skipped). */
  routingKeyFor(subprojectId: string): string | undefined;
  /** `payload.source`; default "k8s-infra-bot". */
  source?: string;
  /** `client` / `client_url` shown on the PagerDuty alert. */
  client?: string;
  clientUrl?: string;
  /** Whole-call deadline, pdjs's own 429 retries included. Default 10 s. */
  timeoutMs?: number;
  /**
   * pdjs retries a 429 three times by itself, waiting this long between tries (its default is
   * 20 s, which would hold a job for a minute). Default 1 s; our own backoff takes over after.
   */
  rateLimitRetryDelayMs?: number;
}

/**
 * The Events v2 enqueue URL for a base. pdjs's `event()` builds `https://${server}/v2/enqueue`
 * from a host name only, so it can reach neither an http test server nor a base with a path; we
 * use pdjs's `api({ url })`, which takes a full URL, with the same JSON POST.
 */
export function eventsEndpoint(base: string = DEFAULT_EVENTS_URL): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new Error(`PAGERDUTY_EVENTS_URL is not a URL: ${base}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`PAGERDUTY_EVENTS_URL must be http(s): ${base}`);
  const path = url.pathname.replace(/\/+$/, '');
  url.pathname = path.endsWith('/v2') ? `${path}/enqueue` : `${path}/v2/enqueue`;
  return url.toString();
}

export interface EventBody {
  routing_key: string;
  event_action: PagerAction;
  dedup_key: string;
  payload?: {
    summary: string;
    source: string;
    severity: PagerAlert['severity'];
    timestamp: string;
    component: string;
    group: string;
    class: string;
    custom_details: Record<string, string>;
  };
  client?: string;
  client_url?: string;
}

/** The JSON body for one event, and whether the summary had to be cut to fit. */
export function buildEventBody(
  action: PagerAction,
  page: PagerAlert | PagerRef,
  routingKey: string,
  options: Pick<PagerDutyPagerOptions, 'source' | 'client' | 'clientUrl'> = {},
): { body: EventBody; summaryTruncated: boolean } {
  const body: EventBody = { routing_key: routingKey, event_action: action, dedup_key: page.pageId };
  if (action !== 'trigger' || !('summary' in page)) return { body, summaryTruncated: false };
  const summary = truncateSummary(page.summary);
  body.payload = {
    summary: summary.text,
    source: options.source ?? 'k8s-infra-bot',
    severity: page.severity,
    timestamp: page.createdAt,
    component: page.subprojectId,
    group: 'k8s-infra',
    class: 'page',
    custom_details: { page_id: page.pageId, subproject: page.subprojectId, paged_by: page.createdBy, details: page.details },
  };
  if (options.client) body.client = options.client;
  if (options.clientUrl) body.client_url = options.clientUrl;
  return { body, summaryTruncated: summary.truncated };
}

function isResponseLike(value: unknown): value is { status: number; headers?: { get(name: string): string | null } } {
  return typeof value === 'object' && value !== null && typeof (value as { status?: unknown }).status === 'number';
}

/** PagerDuty Events API v2 behind the core's Pager interface. Never throws; never logs the routing key. */
export function createPagerDutyPager(options: PagerDutyPagerOptions): Pager {
  if (options.warm) warmBeforeReady(loadPdjs);
  const url = eventsEndpoint(options.eventsUrl ?? DEFAULT_EVENTS_URL);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const retryDelay = options.rateLimitRetryDelayMs ?? 1_000;

  async function send(action: PagerAction, page: PagerAlert | PagerRef): Promise<PagerOutcome> {
    const routingKey = options.routingKeyFor(page.subprojectId);
    if (!routingKey) return { kind: 'skipped', message: `no PagerDuty routing key configured for ${page.subprojectId}` };
    if (page.pageId.length === 0 || page.pageId.length > MAX_PAGE_ID_LENGTH) {
      return { kind: 'permanent', message: `dedup_key must be 1..${MAX_PAGE_ID_LENGTH} characters, page id has ${page.pageId.length}` };
    }
    const { body, summaryTruncated } = buildEventBody(action, page, routingKey, options);
    try {
      const { api } = await loadPdjs();
      const response = await api({
        url,
        method: 'POST',
        data: body,
        headers: { Accept: 'application/json' },
        // pdjs's requestTimeout only starts a timer that aborts nothing; a real signal does.
        requestTimeout: 0,
        retryTimeout: retryDelay,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const data: unknown = response.data;
      const outcome = classifyPagerDutyResponse(response.status, data, response.headers.get('retry-after'));
      return outcome.kind === 'ok' && summaryTruncated ? { ...outcome, summaryTruncated } : outcome;
    } catch (error) {
      // pdjs rejects with the Response itself when the body is not JSON (a proxy's HTML 502).
      if (isResponseLike(error)) return classifyPagerDutyResponse(error.status, undefined, error.headers?.get('retry-after'));
      const name = error instanceof Error ? error.name : '';
      if (name === 'AbortError' || name === 'TimeoutError') return { kind: 'retryable', message: `no answer within ${timeoutMs} ms` };
      const message = error instanceof Error ? error.message : String(error);
      return { kind: 'retryable', message: `network error: ${message.split(routingKey).join('[routing key]')}` };
    }
  }

  return {
    trigger: (alert) => send('trigger', alert),
    acknowledge: (ref) => send('acknowledge', ref),
    resolve: (ref) => send('resolve', ref),
  };
}
