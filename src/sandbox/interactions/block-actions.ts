import type { ActionResult, ClickArgs, SelectArgs } from '../emulator-interface.ts';
import type { Json } from '../slack-workspace.ts';
import { elementState, findElement } from '../view-state.ts';
import { actorOf, deliveryResult, identityFields, payloadForm, suggestionKey, type Actor, type InteractionContext } from './context.ts';
import { resolveSource, sourceFields, type ResolvedSource } from './source.ts';

/** A block_actions payload for one action, with a fresh trigger_id and (for messages) a response_url. */
function blockActions(ix: InteractionContext, actor: Actor, s: ResolvedSource, action: Json) {
  const triggerId = ix.ws.issueTrigger(actor.userId);
  const { fields, responseUrl } = sourceFields(ix, actor, s, true);
  const payload: Json = { type: 'block_actions', ...identityFields(ix, actor), trigger_id: triggerId, ...fields, actions: [action] };
  return { payload, triggerId, responseUrl };
}

/** A person clicks a button in a message or a view. */
export async function clickButton(ix: InteractionContext, args: ClickArgs): Promise<ActionResult> {
  const s = resolveSource(ix, args.userId, args.source);
  const found = findElement(s.blocks, args.actionId, args.blockId);
  if (!found) throw new Error(`no element with action_id ${args.actionId} there`);
  const el = found.element;
  if (el.type !== 'button' && el.type !== 'workflow_button') throw new Error(`${args.actionId} is a ${String(el.type)}, not a button`);
  const value = args.value ?? (typeof el.value === 'string' ? el.value : undefined);
  const { payload, triggerId, responseUrl } = blockActions(ix, actorOf(ix, args.userId, args.fromTeam), s, {
    action_id: args.actionId, block_id: found.block.block_id, text: el.text, type: 'button', action_ts: ix.ws.nextTs(),
    ...(value !== undefined ? { value } : {}), ...(el.style ? { style: el.style } : {}), ...(el.url ? { url: el.url } : {}),
  });
  const d = await ix.sender.send('block_actions', payloadForm(payload));
  return { ...deliveryResult(d), triggerId, sent: true, ...(responseUrl ? { responseUrl } : {}) };
}

/**
 * A person picks a value in a select, date picker, checkboxes… It always changes the state; Slack
 * sends block_actions only outside input blocks, or inside one with dispatch_action.
 */
export async function selectOption(ix: InteractionContext, args: SelectArgs): Promise<ActionResult> {
  const s = resolveSource(ix, args.userId, args.source);
  const found = findElement(s.blocks, args.actionId, args.blockId);
  if (!found) throw new Error(`no element with action_id ${args.actionId} there`);
  const blockId = String(found.block.block_id);
  const entry = elementState(found.element, args.value, ix.ws.suggestedOptions.get(suggestionKey(s.key, blockId, args.actionId)));
  (s.state[blockId] ??= {})[args.actionId] = entry;
  if (found.inInput && found.block.dispatch_action !== true) {
    return { ok: true, status: null, ackMs: 0, triggerId: '', sent: false };
  }
  const { payload, triggerId, responseUrl } = blockActions(ix, actorOf(ix, args.userId, args.fromTeam), s, {
    ...entry, action_id: args.actionId, block_id: blockId, action_ts: ix.ws.nextTs(),
    ...(found.element.placeholder ? { placeholder: found.element.placeholder } : {}),
  });
  const d = await ix.sender.send('block_actions', payloadForm(payload));
  return { ...deliveryResult(d), triggerId, sent: true, ...(responseUrl ? { responseUrl } : {}) };
}
