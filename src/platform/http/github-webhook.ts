import express, { type Express } from 'express';
import { recordPullRequestClosed } from '../../access/domain/access-request-lifecycle.ts';
import { parsePullRequestClosed, verifyGithubSignature } from '../../integrations/github/webhook-events.ts';
import type { AppDeps } from '../app-deps.ts';
import { AccessService } from '../../access/access-service.ts';

/**
 * `POST /webhooks/github`: a closed pull request from one of the bot's access branches marks
 * the request fulfilled (merged) or closed, and a push to the groups branch reloads the catalog.
 * The raw body is kept for the signature (X-Hub-Signature-256 with GITHUB_WEBHOOK_SECRET).
 */
export function registerGithubWebhook(web: Express, deps: AppDeps): void {
  const service = new AccessService(deps);
  const log = deps.log.child({ component: 'github-webhook' });
  web.post('/webhooks/github', express.raw({ type: '*/*', limit: '5mb' }), async (req, res) => {
    const secret = deps.env.secrets.githubWebhookSecret;
    const raw: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!secret || !verifyGithubSignature(secret, raw, req.get('x-hub-signature-256'))) {
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
    const event = req.get('x-github-event');
    try {
      if (event === 'push') {
        const ref = (payload as { ref?: unknown }).ref;
        if (ref === `refs/heads/${deps.config.access.branch}`) void deps.access.catalog.refresh().catch((err: unknown) => log.error({ err }, 'catalog reload after push failed'));
        res.status(202).json({ ok: true, action: 'catalog-reload' });
        return;
      }
      const closed = parsePullRequestClosed(event, payload);
      if (!closed || (closed.baseRepo && closed.baseRepo.toLowerCase() !== deps.config.access.repo.toLowerCase())) {
        res.status(202).json({ ok: true, ignored: true });
        return;
      }
      const request = await service.repo.findByBranch(closed.branch);
      if (!request) {
        res.status(202).json({ ok: true, ignored: true });
        return;
      }
      const t = await service.mutate(request.id, (r) => recordPullRequestClosed(r, closed, deps.clock.now(), service.policy));
      res.status(200).json({ ok: true, request: request.id, outcome: t?.outcome ?? 'gone' });
    } catch (err) {
      log.error({ err }, 'github webhook failed');
      // 5xx: GitHub shows the delivery as failed and it can be redelivered; the change is idempotent.
      res.status(500).json({ error: 'internal error' });
    }
  });
}
