import type { SuggestArgs, SuggestionResult } from '../emulator-interface.ts';
import { isObject, type Json } from '../slack-workspace.ts';
import { findElement } from '../view-state.ts';
import { actorOf, deliveryResult, identityFields, payloadForm, suggestionKey, type InteractionContext } from './context.ts';
import { resolveSource, sourceFields } from './source.ts';

/**
 * A person types into an external select: Slack asks the bot for options (block_suggestion) and
 * remembers them, so the option later chosen keeps the text the bot gave it.
 */
export async function requestOptions(ix: InteractionContext, args: SuggestArgs): Promise<SuggestionResult> {
  const s = resolveSource(ix, args.userId, args.source);
  const found = findElement(s.blocks, args.actionId, args.blockId);
  if (!found || !String(found.element.type).endsWith('external_select')) throw new Error(`${args.actionId} is not an external select there`);
  const blockId = String(found.block.block_id);
  const actor = actorOf(ix, args.userId, args.fromTeam);
  const { fields } = sourceFields(ix, actor, s, false);
  const payload: Json = {
    type: 'block_suggestion', ...identityFields(ix, actor), action_id: args.actionId, block_id: blockId, value: args.value, ...fields,
  };
  const d = await ix.sender.send('block_suggestion', payloadForm(payload));
  const body = isObject(d.body) ? d.body : {};
  const options = Array.isArray(body.options) ? body.options.filter(isObject) : [];
  const optionGroups = Array.isArray(body.option_groups) ? body.option_groups.filter(isObject) : undefined;
  const all = [...options, ...(optionGroups ?? []).flatMap((g) => (Array.isArray(g.options) ? g.options.filter(isObject) : []))];
  ix.ws.suggestedOptions.set(suggestionKey(s.key, blockId, args.actionId), all);
  return { ...deliveryResult(d), options, ...(optionGroups ? { optionGroups } : {}) };
}
