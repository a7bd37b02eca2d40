import type { Router } from 'express';
import type { Clock } from '../../core/clock.ts';
import { communityOncall, type CommunityOncallDeps } from '../use-cases/community-oncall.ts';
import { communityOncallJson } from '../views/community-oncall-json.ts';

export type OncallJsonRouteDeps = CommunityOncallDeps & { clock: Clock; countHttpRequest(route: string, status: number): void };

/**
 * `GET /oncall.json`, the group's on-call in the community's format, so go.k8s.io/oncall and
 * test-infra's slack-oncall-updater can show and follow it beside the community's rotations.
 * Public (GitHub handles only) and readable from a browser page on another origin.
 */
export function registerOncallJsonRoute(web: Router, deps: OncallJsonRouteDeps): void {
  web.get('/oncall.json', async (_req, res, next) => {
    try {
      const doc = communityOncallJson(await communityOncall(deps, deps.clock.now()));
      deps.countHttpRequest('/oncall.json', 200);
      res.status(200).set('Cache-Control', 'max-age=60').set('Access-Control-Allow-Origin', '*').json(doc);
    } catch (err) {
      deps.countHttpRequest('/oncall.json', 500);
      next(err);
    }
  });
}
