/** Sends PagerDuty v3 webhooks the way PagerDuty does: raw JSON body, X-PagerDuty-Signature over it. */
import { signPagerDutyWebhook } from '../../../src/integrations/pagerduty/verify-webhook.ts';

export interface IncidentWebhookInput {
  eventType: 'incident.acknowledged' | 'incident.resolved' | 'incident.triggered' | 'pagey.ping';
  incidentId?: string;
  /** Our page id as PagerDuty reports it (`incident_key` = the dedup_key we sent); omit for incidents not opened by the bot. */
  incidentKey?: string;
  agentName?: string;
  occurredAt?: string;
  eventId?: string;
}

/** A v3 webhook body shaped like PagerDuty's (`{ event: { id, event_type, resource_type, occurred_at, agent, client, data } }`). */
export function incidentWebhookBody(input: IncidentWebhookInput): string {
  const incidentId = input.incidentId ?? 'PT4KHLK';
  const status = input.eventType === 'incident.resolved' ? 'resolved' : input.eventType === 'incident.acknowledged' ? 'acknowledged' : 'triggered';
  const event = {
    event: {
      id: input.eventId ?? '01DEN1HQ4GOL8TNPTIIOUNTDLF',
      event_type: input.eventType,
      resource_type: input.eventType === 'pagey.ping' ? 'pagey' : 'incident',
      occurred_at: input.occurredAt ?? '2026-11-24T03:20:00.000Z',
      agent: { html_url: 'https://k8s-infra.pagerduty.com/users/PXPGF42', id: 'PXPGF42', self: 'https://api.pagerduty.com/users/PXPGF42', summary: input.agentName ?? 'Jane Doe', type: 'user_reference' },
      client: { name: 'PagerDuty' },
      data:
        input.eventType === 'pagey.ping'
          ? { message: 'Hello from your friend Pagey!', type: 'ping' }
          : {
              id: incidentId,
              type: 'incident',
              self: `https://api.pagerduty.com/incidents/${incidentId}`,
              html_url: `https://k8s-infra.pagerduty.com/incidents/${incidentId}`,
              number: 1234,
              status,
              ...(input.incidentKey !== undefined ? { incident_key: input.incidentKey } : {}),
              created_at: '2026-11-24T03:12:00.000Z',
              title: 'registry.k8s.io returns 503 — «ünïcödé» to exercise UTF-8 signing',
              service: { html_url: 'https://k8s-infra.pagerduty.com/service-directory/PIJ90N7', id: 'PIJ90N7', self: 'https://api.pagerduty.com/services/PIJ90N7', summary: 'k8s-infra registry', type: 'service_reference' },
              assignees: [],
              escalation_policy: { id: 'PUS0KTE', summary: 'Default', type: 'escalation_policy_reference' },
              teams: [],
              priority: null,
              urgency: 'high',
              conference_bridge: null,
              resolve_reason: null,
            },
    },
  };
  return JSON.stringify(event);
}

export interface SendWebhookOptions {
  /** Sign with these secrets (several = rotation: one v1= per secret). */
  secrets?: readonly string[];
  /** Send this header value verbatim instead (bad or malformed signatures). */
  signatureHeader?: string;
  /** Leave the header out. */
  unsigned?: boolean;
}

export async function sendSignedWebhook(url: string, rawBody: string, options: SendWebhookOptions = {}): Promise<{ status: number; body: string }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'PagerDuty-Webhook/V3.0' };
  if (!options.unsigned) headers['x-pagerduty-signature'] = options.signatureHeader ?? signPagerDutyWebhook(rawBody, options.secrets ?? []);
  const response = await fetch(url, { method: 'POST', headers, body: rawBody });
  return { status: response.status, body: await response.text() };
}
