import { checkView } from '../block-kit-limits.ts';
import { isObject, withBlockIds, type Block, type Json, type SlackView } from '../slack-workspace.ts';
import { carryOverState, initialState } from '../view-state.ts';
import { bool, jsonArg } from './args.ts';
import { ApiError, invalidArguments, type Args, type WebApiContext } from './context.ts';

/**
 * Views as Slack keeps them: a trigger opens a stack of at most 3 modals per person, a replaced
 * view keeps its id and what the person entered, a Home tab is one view per person.
 */

const TRIGGER_TTL_MS = 3000;
const MAX_MODAL_STACK = 3;

/** A trigger_id works once, within 3 seconds, and opens a view for the person it was issued to. */
export function consumeTrigger(ctx: WebApiContext, triggerId: string): string {
  const trigger = ctx.ws.triggers.get(triggerId);
  if (!trigger) throw new ApiError('invalid_trigger_id');
  if (trigger.used) throw new ApiError('exchanged_trigger_id');
  if (ctx.ws.nowMs() - trigger.issuedAt > TRIGGER_TTL_MS) throw new ApiError('expired_trigger_id');
  trigger.used = true;
  return trigger.userId;
}

/** The `view` argument, refused with Slack's messages when it breaks a Block Kit limit. */
export function parseView(args: Args, type?: 'modal' | 'home'): Json {
  const view = jsonArg(args, 'view', invalidArguments(['[ERROR] invalid json [json-pointer:/view]']));
  const problems = checkView(view, type);
  if (problems.length) throw invalidArguments(problems);
  return view as Json;
}

/** Builds a stored view from what the app sent, keeping id/state when it replaces an existing one. */
export function buildView(
  ctx: WebApiContext, input: Json, previous?: SlackView, stack?: { root: string | null; previous: string | null }, ownerId?: string,
): SlackView {
  const ws = ctx.ws;
  const blocks = withBlockIds((input.blocks as Block[] | undefined) ?? []);
  const id = previous?.id ?? ws.nextId('V');
  const externalId = typeof input.external_id === 'string' ? input.external_id : '';
  if (externalId) {
    const other = ws.viewByExternalId(externalId);
    if (other && other.view.id !== id) throw new ApiError('duplicate_external_id');
  }
  const view: SlackView = {
    // A view belongs to the workspace of the person it is shown to; the app's own is app_installed_team_id.
    id, team_id: previous?.team_id ?? (ownerId ? ws.users.get(ownerId)?.team_id : undefined) ?? ws.identity.teamId, type: input.type === 'home' ? 'home' : 'modal',
    callback_id: typeof input.callback_id === 'string' ? input.callback_id : '',
    private_metadata: typeof input.private_metadata === 'string' ? input.private_metadata : '',
    external_id: externalId,
    ...(isObject(input.title) ? { title: { emoji: true, ...input.title } } : {}),
    ...(isObject(input.submit) ? { submit: { emoji: true, ...input.submit } } : {}),
    ...(isObject(input.close) ? { close: { emoji: true, ...input.close } } : {}),
    blocks,
    state: { values: previous ? carryOverState(previous.state.values, blocks) : initialState(blocks) },
    hash: ws.newHash(),
    root_view_id: stack?.root ?? previous?.root_view_id ?? (input.type === 'home' ? null : id),
    previous_view_id: stack?.previous ?? previous?.previous_view_id ?? null,
    app_id: ws.identity.appId, app_installed_team_id: ws.identity.teamId, bot_id: ws.identity.botId,
    clear_on_close: bool(input, 'clear_on_close'), notify_on_close: bool(input, 'notify_on_close'),
  };
  return view;
}

export function openModal(ctx: WebApiContext, userId: string, input: Json, replaceStack: boolean): SlackView {
  const stack = ctx.ws.modalStack(userId);
  if (replaceStack) stack.length = 0;
  if (stack.length >= MAX_MODAL_STACK) throw new ApiError('push_limit_reached');
  const view = buildView(ctx, input, undefined, { root: stack[0] ?? null, previous: stack.at(-1) ?? null }, userId);
  if (stack.length === 0) view.root_view_id = view.id;
  ctx.ws.views.set(view.id, { view, userId });
  stack.push(view.id);
  return view;
}

export function replaceView(ctx: WebApiContext, existing: SlackView, input: Json): SlackView {
  const record = ctx.ws.views.get(existing.id);
  if (!record) throw new ApiError('not_found');
  const view = buildView(ctx, input, existing);
  record.view = view;
  return view;
}
