import express, { type Request, type Response, type Router } from 'express';
import type { Clock } from '../core/clock.ts';
import type { ApiCall } from './emulator-interface.ts';
import { postToResponseUrl } from './response-url.ts';
import { isObject } from './slack-workspace.ts';
import type { ApiResponse, Args, WebApiContext } from './web-api/context.ts';
import { callWebApi } from './web-api/dispatch.ts';

/** The emulator's HTTP side, what the bot's WebClient and `respond()` talk to. */

/** @slack/web-api sends the token as a Bearer header; older clients send it as a form field. */
function bearer(req: Request, args: Args): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
  if (m) return m[1];
  return typeof args.token === 'string' ? args.token : undefined;
}

function send(res: Response, r: ApiResponse): void {
  for (const [k, v] of Object.entries(r.headers ?? {})) res.set(k, v);
  res.status(r.status).json(r.body);
}

/** `/api/:method` (form or JSON, GET or POST, recorded in `apiCalls`) and `/response_url/:id`. */
export function createHttpRouter(ctx: WebApiContext, clock: Clock, apiCalls: ApiCall[]): Router {
  const router: Router = express.Router();
  const parsers = [express.urlencoded({ extended: false, limit: '10mb' }), express.json({ limit: '10mb' })];
  router.all('/api/:method', ...parsers, (req, res) => {
    const method = String(req.params.method);
    const args: Args = { ...(req.query as Args), ...(isObject(req.body) ? req.body : {}) };
    const result = callWebApi(ctx, method, args, bearer(req, args));
    const { token: _t, ...logged } = args;
    apiCalls.push({ method, args: logged, status: result.status, response: result.body, at: clock.now() });
    send(res, result);
  });
  router.post('/response_url/:id', ...parsers, (req, res) => {
    send(res, postToResponseUrl(ctx, ctx.ws.responseUrls.get(String(req.params.id)), req.body));
  });
  return router;
}
