import { str } from './args.ts';
import { ApiError, invalidArguments, type MethodTable } from './context.ts';
import { buildView, consumeTrigger, openModal, parseView, replaceView } from './modal-stack.ts';
import { viewOut } from './serialize.ts';

/** views.*: modals (opened with a trigger, at most 3 deep) and the Home tab. */
export const viewsMethods: MethodTable = {
  'views.open': (ctx, args) => {
    const input = parseView(args, 'modal');
    const userId = consumeTrigger(ctx, str(args, 'trigger_id') ?? '');
    return { view: viewOut(openModal(ctx, userId, input, true)) };
  },

  'views.push': (ctx, args) => {
    const input = parseView(args, 'modal');
    const userId = consumeTrigger(ctx, str(args, 'trigger_id') ?? '');
    // Slack pushes onto the modal the interaction came from; with none open there is nothing to push onto.
    if (ctx.ws.modalStack(userId).length === 0) throw new ApiError('not_found');
    return { view: viewOut(openModal(ctx, userId, input, false)) };
  },

  'views.update': (ctx, args) => {
    const viewId = str(args, 'view_id');
    const externalId = str(args, 'external_id');
    if (viewId && externalId) throw invalidArguments(['[ERROR] Cannot provide both `view_id` and `external_id`']);
    if (!viewId && !externalId) throw invalidArguments(['[ERROR] Must provide either `view_id` or `external_id`']);
    const record = viewId ? ctx.ws.views.get(viewId) : ctx.ws.viewByExternalId(externalId ?? '');
    if (!record) throw new ApiError('not_found');
    const hash = str(args, 'hash');
    if (hash && hash !== record.view.hash) throw new ApiError('hash_conflict');
    const input = parseView(args, record.view.type);
    return { view: viewOut(replaceView(ctx, record.view, input)) };
  },

  'views.publish': (ctx, args) => {
    const userId = str(args, 'user_id') ?? '';
    if (!ctx.ws.users.has(userId)) throw new ApiError('user_not_found');
    const existingId = ctx.ws.homeViews.get(userId);
    const existing = existingId ? ctx.ws.views.get(existingId)?.view : undefined;
    const hash = str(args, 'hash');
    if (hash && existing && hash !== existing.hash) throw new ApiError('hash_conflict');
    const input = parseView(args, 'home');
    const view = buildView(ctx, input, existing, undefined, userId);
    ctx.ws.views.set(view.id, { view, userId });
    ctx.ws.homeViews.set(userId, view.id);
    return { view: viewOut(view) };
  },
};
