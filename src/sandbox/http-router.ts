import express, { type Request, type Response, type Router } from 'express';
import type { Clock } from '../core/clock.ts';
import type { ApiCall } from './emulator-interface.ts';
import { postToResponseUrl } from './response-url.ts';
import { isObject } from './slack-workspace.ts';
import type { AnswerFault, FaultInjector } from './web-api-faults.ts';
import type { ApiResponse, Args, WebApiContext } from './web-api/context.ts';
import { callWebApi } from './web-api/dispatch.ts';

/** The emulator's HTTP side, what the bot's WebClient and `respond()` talk to, with faults injected. */

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

/** The answer a fault gives instead of performing the call; undefined when the call is performed. */
function faultAnswer(fault: AnswerFault | undefined): ApiResponse | undefined {
  switch (fault?.kind) {
    case 'fail':
      return { status: 200, body: { ok: false, error: fault.error, ...fault.extra } };
    case 'rate_limit':
      return { status: 429, headers: { 'Retry-After': String(fault.retryAfterSeconds) }, body: { ok: false, error: 'ratelimited' } };
    default:
      return undefined;
  }
}

export interface HttpRouterDeps {
  api: WebApiContext;
  clock: Clock;
  apiCalls: ApiCall[];
  faults: FaultInjector;
  /** Counts every call as it arrives, faulted or not. */
  countCall(method: string): void;
}

/**
 * Runs one call under its faults: hold, then either a fault's answer, an HTTP error, or the call
 * itself (dropping the connection afterwards for accept-then-drop).
 */
async function underFaults(deps: HttpRouterDeps, method: string, req: Request, res: Response, perform: () => ApiResponse, log: (r: ApiResponse, faults: string[]) => void): Promise<void> {
  deps.countCall(method);
  const plan = deps.faults.plan(method);
  await plan.hold;
  const answer = plan.answer;
  if (answer?.kind === 'http_error') {
    log({ status: answer.status, body: {} }, plan.applied);
    res.status(answer.status).type('text/plain').send(answer.body ?? '');
    return;
  }
  const result = faultAnswer(answer) ?? perform();
  log(result, plan.applied);
  if (answer?.kind === 'accept_then_drop') {
    // Slack did the work; the answer never arrives (a reset connection, as after a network cut).
    req.socket.destroy();
    return;
  }
  send(res, result);
}

/** `/api/:method` (form or JSON, GET or POST, recorded in `apiCalls`) and `/response_url/:id`. */
export function createHttpRouter(deps: HttpRouterDeps): Router {
  const { api, clock, apiCalls } = deps;
  const router: Router = express.Router();
  const parsers = [express.urlencoded({ extended: false, limit: '10mb' }), express.json({ limit: '10mb' })];
  router.all('/api/:method', ...parsers, async (req, res) => {
    const method = String(req.params.method);
    const args: Args = { ...(req.query as Args), ...(isObject(req.body) ? req.body : {}) };
    const { token: _t, ...logged } = args;
    await underFaults(deps, method, req, res, () => callWebApi(api, method, args, bearer(req, args)), (result, faults) => {
      apiCalls.push({ method, args: logged, status: result.status, response: result.body, at: clock.now(), ...(faults.length ? { faults } : {}) });
    });
  });
  router.post('/response_url/:id', ...parsers, async (req, res) => {
    await underFaults(deps, 'response_url', req, res, () => postToResponseUrl(api, api.ws.responseUrls.get(String(req.params.id)), req.body), () => {});
  });
  return router;
}
