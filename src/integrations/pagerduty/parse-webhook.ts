import type { ExternalPagerEvent } from '../../escalation/ports/pager.ts';

export type PagerDutyWebhookResult =
  | { kind: 'event'; eventType: 'incident.acknowledged' | 'incident.resolved'; event: ExternalPagerEvent }
  /** Well-formed but not for us (ping, other event types, incident not opened by this bot): answer 2xx. */
  | { kind: 'ignored'; reason: string; eventType?: string }
  /** Not a v3 webhook at all: answer 400. */
  | { kind: 'invalid'; reason: string };

/** An agent's name longer than this is cut: it is shown on every message of the page. */
export const MAX_AGENT_NAME = 200;

const HANDLED = { 'incident.acknowledged': 'acknowledge', 'incident.resolved': 'resolve' } as const;

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Reads a v3 webhook body (`{ event: { id, event_type, occurred_at, agent, data: incident } }`).
 * The page id is the incident's `incident_key`, which for incidents opened through Events v2 is
 * the `dedup_key` we sent. Whether a page with that id exists is the caller's question
 * (`applyExternalPagerEvent` turns "no such page" into ignored).
 */
export function parsePagerDutyWebhook(rawBody: string, receivedAt: Date): PagerDutyWebhookResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody);
  } catch {
    return { kind: 'invalid', reason: 'body is not JSON' };
  }
  const event = record(record(parsed)?.event);
  const eventType = text(event?.event_type);
  if (!event || !eventType) return { kind: 'invalid', reason: 'expected { event: { event_type, ... } }' };
  if (!(eventType in HANDLED)) return { kind: 'ignored', reason: `event type ${eventType} is not handled`, eventType };
  const handled = eventType as keyof typeof HANDLED;

  const incident = record(event.data);
  const incidentId = text(incident?.id);
  if (!incident || !incidentId) return { kind: 'invalid', reason: `${eventType} without data.id` };
  const pageId = text(incident.incident_key) ?? text(incident.dedup_key);
  if (!pageId) return { kind: 'ignored', reason: `incident ${incidentId} has no incident_key: not opened by this bot`, eventType };

  const agent = record(event.agent);
  const occurred = text(event.occurred_at);
  const at = occurred && !Number.isNaN(Date.parse(occurred)) ? new Date(occurred).toISOString() : receivedAt.toISOString();
  const eventId = text(event.id);
  return {
    kind: 'event',
    eventType: handled,
    event: {
      action: HANDLED[handled],
      pageId,
      // Third-party text: kept short here, escaped wherever it is shown.
      by: [...(text(agent?.summary) ?? text(agent?.id) ?? 'PagerDuty')].slice(0, MAX_AGENT_NAME).join(''),
      at,
      incidentId,
      ...(eventId ? { eventId } : {}),
    },
  };
}
