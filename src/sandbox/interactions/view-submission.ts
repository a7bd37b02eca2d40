import { checkView } from '../block-kit-limits.ts';
import type { SubmitArgs, SubmitResult } from '../emulator-interface.ts';
import { isObject, type Json } from '../slack-workspace.ts';
import { applyValues, clientSideErrors } from '../view-state.ts';
import { ApiError } from '../web-api/context.ts';
import { openModal, replaceView } from '../web-api/modal-stack.ts';
import { actorOf, deliveryResult, identityFields, payloadForm, popModal, suggestionKey, viewPayload, type InteractionContext } from './context.ts';

/**
 * A person submits the top modal. The Slack client checks required fields and lengths first
 * (nothing reaches the bot then); Slack then applies the bot's response_action, refusing bad ones.
 */
export async function submitView(ix: InteractionContext, args: SubmitArgs): Promise<SubmitResult> {
  const ws = ix.ws;
  const record = ws.views.get(args.viewId);
  if (!record || record.userId !== args.userId || record.view.type !== 'modal') throw new Error(`no modal ${args.viewId} for ${args.userId}`);
  const stack = ws.modalStack(args.userId);
  if (stack.at(-1) !== args.viewId) throw new Error(`view ${args.viewId} is not on top of the modal stack`);
  const view = record.view;
  applyValues(view.state.values, view.blocks, args.values ?? {}, (b, a) => ws.suggestedOptions.get(suggestionKey(view.id, b, a)));
  const top = () => {
    const id = stack.at(-1);
    return id ? ws.views.get(id)?.view : undefined;
  };
  const clientErrors = clientSideErrors(view.blocks, view.state.values);
  if (Object.keys(clientErrors).length) {
    ix.viewErrors.set(view.id, clientErrors);
    return { ok: false, status: null, ackMs: 0, error: 'client_validation', errors: clientErrors, view };
  }
  const triggerId = ws.issueTrigger(args.userId);
  const actor = actorOf(ix, args.userId, args.fromTeam);
  const payload: Json = {
    type: 'view_submission', ...identityFields(ix, actor), trigger_id: triggerId, view: viewPayload(view, actor), response_urls: [],
  };
  const d = await ix.sender.send('view_submission', payloadForm(payload));
  const base = deliveryResult(d);
  if (d.error) return { ...base, ...(top() ? { view: top() } : {}) };
  const body = isObject(d.body) ? d.body : {};
  const action = typeof body.response_action === 'string' ? body.response_action : undefined;
  const fail = (error: string, messages?: string[]): SubmitResult => ({ ...base, ok: false, error, ...(messages ? { messages } : {}), ...(action ? { responseAction: action } : {}), view });
  switch (action) {
    case undefined:
      popModal(ix, args.userId, false);
      break;
    case 'errors': {
      const errors = isObject(body.errors) ? Object.fromEntries(Object.entries(body.errors).map(([k, v]) => [k, String(v)])) : {};
      const inputIds = new Set(view.blocks.filter((b) => b.type === 'input').map((b) => b.block_id));
      const unknown = Object.keys(errors).filter((k) => !inputIds.has(k));
      if (unknown.length || Object.keys(errors).length === 0) return fail('invalid_response_action', unknown.map((k) => `[ERROR] no input block with block_id ${k} [json-pointer:/errors]`));
      ix.viewErrors.set(view.id, errors);
      return { ...base, ok: true, responseAction: action, errors, view };
    }
    case 'update':
    case 'push': {
      const problems = checkView(body.view, 'modal');
      if (problems.length) return fail('invalid_arguments', problems);
      try {
        if (action === 'update') {
          ix.viewErrors.delete(view.id);
          replaceView(ix.api, view, body.view as Json);
        } else openModal(ix.api, args.userId, body.view as Json, false);
      } catch (e) {
        if (e instanceof ApiError) return fail(e.code);
        throw e;
      }
      break;
    }
    case 'clear':
      popModal(ix, args.userId, true);
      break;
    default:
      return fail('invalid_response_action', [`[ERROR] unknown response_action ${action}`]);
  }
  const now = top();
  return { ...base, ...(action ? { responseAction: action } : {}), ...(now ? { view: now } : {}) };
}
