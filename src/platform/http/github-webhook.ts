import express, { type Router } from 'express';
import type { Logger } from 'pino';
import { verifyGithubSignature } from '../../integrations/github/webhook-events.ts';
import type { GithubEventOutcome } from '../capability.ts';

export interface GithubWebhookOptions {
  secret: string | undefined;
  log: Logger;
  /** Each capability that listens to GitHub (`Capability.github`), in list order. */
  handlers: readonly ((event: string, payload: unknown) => Promise<GithubEventOutcome>)[];
}

/**
 * `POST /webhooks/github`: the signature (X-Hub-Signature-256 with GITHUB_WEBHOOK_SECRET) is
 * checked over the raw body, then every capability sees the event and says what it did with it.
 * 202 when nobody handled it; 5xx when a handler failed, so GitHub shows the delivery as failed
 * and it can be redelivered (handlers are idempotent).
 */
export function registerGithubWebhook(router: Router, options: GithubWebhookOptions): void {
  const log = options.log.child({ component: 'github-webhook' });
  router.post('/webhooks/github', express.raw({ type: '*/*', limit: '5mb' }), async (req, res) => {
    const raw: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!options.secret || !verifyGithubSignature(options.secret, raw, req.get('x-hub-signature-256'))) {
      res.status(401).json({ error: 'invalid signature' });
      return;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(raw.toString('utf8'));
    } catch {
      res.status(400).json({ error: 'body is not JSON' });
      return;
    }
    const event = req.get('x-github-event') ?? '';
    try {
      const outcomes: string[] = [];
      let allAccepted = true;
      for (const handle of options.handlers) {
        const r = await handle(event, payload);
        if (!r.handled) continue;
        outcomes.push(r.outcome);
        if (!r.accepted) allAccepted = false;
      }
      if (outcomes.length === 0) res.status(202).json({ ok: true, ignored: true });
      else res.status(allAccepted ? 202 : 200).json({ ok: true, outcomes });
    } catch (err) {
      log.error({ err, event }, 'github webhook failed');
      res.status(500).json({ error: 'internal error' });
    }
  });
}
