import { isObject, type Json } from '../slack-workspace.ts';
import { WEB_API_METHODS } from '../web-api-required-params.ts';
import { authMethods } from './auth.ts';
import { chatMethods } from './chat.ts';
import { ApiError, type ApiResponse, type Args, type Handler, type WebApiContext } from './context.ts';
import { conversationsMethods } from './conversations.ts';
import { pinsMethods } from './pins.ts';
import { reactionsMethods } from './reactions.ts';
import { missingArgument } from './required-args.ts';
import { usergroupsMethods } from './usergroups.ts';
import { usersMethods } from './users.ts';
import { viewsMethods } from './views.ts';

/** Every emulated method, by family; a method must also be in the spec table to be served. */
const METHODS: Readonly<Record<string, Handler>> = {
  ...authMethods, ...chatMethods, ...viewsMethods, ...conversationsMethods, ...pinsMethods,
  ...usersMethods, ...usergroupsMethods, ...reactionsMethods,
};

/** One Web API call as Slack answers it: unknown method, token, required arguments, then the method. */
export function callWebApi(ctx: WebApiContext, method: string, args: Args, token: string | undefined): ApiResponse {
  const handler = Object.hasOwn(METHODS, method) ? METHODS[method] : undefined;
  if (!handler || !WEB_API_METHODS[method]) return { status: 200, body: { ok: false, error: 'unknown_method', req_method: method } };
  if (!token) return { status: 200, body: { ok: false, error: 'not_authed' } };
  if (token !== ctx.botToken) return { status: 200, body: { ok: false, error: 'invalid_auth' } };
  try {
    const missing = missingArgument(method, args);
    if (missing) throw missing;
    const result = handler(ctx, args);
    if ('status' in result && typeof result.status === 'number' && isObject(result.body)) return result as ApiResponse;
    return { status: 200, body: { ok: true, ...(result as Json) } };
  } catch (e) {
    if (e instanceof ApiError) return { status: 200, body: { ok: false, error: e.code, ...e.extra } };
    if (e instanceof SyntaxError) return { status: 200, body: { ok: false, error: 'invalid_arguments' } };
    throw e;
  }
}
