import { describe, expect, it } from 'vitest';
import { parsePagerDutyWebhook } from '../../../src/integrations/pagerduty/parse-webhook.ts';
import { incidentWebhookBody } from './webhook-client.ts';

const received = new Date('2026-11-24T03:21:00Z');

describe('parsePagerDutyWebhook', () => {
  it('maps incident.acknowledged to our page through incident_key', () => {
    const body = incidentWebhookBody({ eventType: 'incident.acknowledged', incidentKey: 'page-registry-0001', agentName: 'Jane Doe' });
    expect(parsePagerDutyWebhook(body, received)).toEqual({
      kind: 'event',
      eventType: 'incident.acknowledged',
      event: {
        action: 'acknowledge',
        pageId: 'page-registry-0001',
        by: 'Jane Doe',
        at: '2026-11-24T03:20:00.000Z',
        incidentId: 'PT4KHLK',
        eventId: '01DEN1HQ4GOL8TNPTIIOUNTDLF',
      },
    });
  });

  it('maps incident.resolved', () => {
    const body = incidentWebhookBody({ eventType: 'incident.resolved', incidentKey: 'page-dns-7', occurredAt: 'not a date' });
    const result = parsePagerDutyWebhook(body, received);
    expect(result).toMatchObject({ kind: 'event', event: { action: 'resolve', pageId: 'page-dns-7', at: '2026-11-24T03:21:00.000Z' } });
  });

  it('ignores incidents the bot did not open, pings and other event types', () => {
    expect(parsePagerDutyWebhook(incidentWebhookBody({ eventType: 'incident.acknowledged' }), received)).toEqual({
      kind: 'ignored',
      reason: 'incident PT4KHLK has no incident_key: not opened by this bot',
      eventType: 'incident.acknowledged',
    });
    expect(parsePagerDutyWebhook(incidentWebhookBody({ eventType: 'pagey.ping' }), received)).toMatchObject({ kind: 'ignored', eventType: 'pagey.ping' });
    expect(parsePagerDutyWebhook(incidentWebhookBody({ eventType: 'incident.triggered', incidentKey: 'x' }), received)).toMatchObject({ kind: 'ignored' });
  });

  it('calls what is not a v3 webhook invalid', () => {
    expect(parsePagerDutyWebhook('{', received)).toEqual({ kind: 'invalid', reason: 'body is not JSON' });
    expect(parsePagerDutyWebhook('{"messages":[]}', received)).toMatchObject({ kind: 'invalid' });
    expect(parsePagerDutyWebhook('{"event":{"event_type":"incident.resolved","data":{}}}', received)).toEqual({
      kind: 'invalid',
      reason: 'incident.resolved without data.id',
    });
  });
});
