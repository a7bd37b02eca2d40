import express, { type Router } from 'express';
import type { OnCallDeps } from '../../platform/app-deps.ts';
import type { PageService } from '../page-service.ts';
import { parsePagerDutyWebhook } from '../../integrations/pagerduty/parse-webhook.ts';
import { verifyPagerDutySignature } from '../../integrations/pagerduty/verify-webhook.ts';

/**
 * `POST /webhooks/pagerduty` (v3): the signature is over the raw bytes, so this route reads the
 * body raw. 401 bad or missing signature; 400 not a webhook; 2xx otherwise, including events for
 * incidents the bot does not know (PagerDuty must not retry those).
 */
export function registerPagerDutyWebhook(web: Router, deps: Pick<OnCallDeps, 'env' | 'metrics' | 'clock' | 'log'>, service: PageService): void {
  web.post('/webhooks/pagerduty', express.raw({ type: () => true, limit: '1mb' }), (req, res) => {
    void (async () => {
      const raw: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const verified = verifyPagerDutySignature(raw, req.get('x-pagerduty-signature'), deps.env.secrets.pagerdutyWebhookSecrets);
      if (!verified.ok) {
        deps.metrics.httpRequests.inc({ route: '/webhooks/pagerduty', status: '401' });
        res.status(401).json({ ok: false, error: verified.reason });
        return;
      }
      const now = deps.clock.now();
      const parsed = parsePagerDutyWebhook(raw.toString('utf8'), now);
      if (parsed.kind === 'invalid') {
        res.status(400).json({ ok: false, error: parsed.reason });
        return;
      }
      if (parsed.kind === 'ignored') {
        res.status(202).json({ ok: true, ignored: parsed.reason });
        return;
      }
      const outcome = await service.applyExternal(parsed.event, now);
      deps.metrics.httpRequests.inc({ route: '/webhooks/pagerduty', status: '200' });
      res.status(outcome === 'ignored' ? 202 : 200).json({ ok: true, outcome });
    })().catch((err: unknown) => {
      deps.log.error({ err }, 'PagerDuty webhook failed');
      if (!res.headersSent) res.status(500).json({ ok: false });
    });
  });
}
