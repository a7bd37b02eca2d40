import express, { type Router } from 'express';
import type { Logger } from 'pino';
import type { Clock } from '../../core/clock.ts';
import { parsePagerDutyWebhook } from '../../integrations/pagerduty/parse-webhook.ts';
import { verifyPagerDutySignature } from '../../integrations/pagerduty/verify-webhook.ts';
import type { ExternalPagerEvent } from '../domain/pager-types.ts';
import type { PagerEventOutcome } from '../use-cases/apply-pager-event.ts';

export interface PagerDutyWebhookDeps {
  /** PAGERDUTY_WEBHOOK_SECRET: one or more (during a rotation); none configured means every delivery is refused. */
  secrets: readonly string[];
  clock: Clock;
  log: Pick<Logger, 'error'>;
  /** Counts an answer of this route (`k8s_infra_bot_http_requests_total`). */
  countRequest(status: string): void;
  applyPagerEvent(event: ExternalPagerEvent, now: Date): Promise<PagerEventOutcome>;
}

/**
 * `POST /webhooks/pagerduty` (v3): the signature is over the raw bytes, so this route reads the
 * body raw. 401 bad or missing signature; 400 not a webhook; 2xx otherwise, including events for
 * incidents the bot does not know (PagerDuty must not retry those).
 */
export function registerPagerDutyWebhook(web: Router, deps: PagerDutyWebhookDeps): void {
  web.post('/webhooks/pagerduty', express.raw({ type: () => true, limit: '1mb' }), (req, res) => {
    void (async () => {
      const raw: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const verified = verifyPagerDutySignature(raw, req.get('x-pagerduty-signature'), deps.secrets);
      if (!verified.ok) {
        deps.countRequest('401');
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
      const outcome = await deps.applyPagerEvent(parsed.event, now);
      deps.countRequest('200');
      res.status(outcome === 'ignored' ? 202 : 200).json({ ok: true, outcome });
    })().catch((err: unknown) => {
      deps.log.error({ err }, 'PagerDuty webhook failed');
      if (!res.headersSent) res.status(500).json({ ok: false });
    });
  });
}
