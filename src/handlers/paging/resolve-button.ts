import type { ResolveResult } from '../../escalation/domain/escalation-engine.ts';
import type { PageActor } from '../../escalation/domain/page-permissions.ts';
import { noSuchPage, resolveReply } from '../../escalation/views/page-replies.ts';
import { readPageButtonValue } from '../../escalation/views/paging-message.ts';
import { actorOf, answer, showOnClicked, type PageButtonArgs, type PageButtonDeps } from './page-buttons.ts';
import { NOT_RECORDED, recordClick } from './record-click.ts';

export interface ResolveButtonDeps extends PageButtonDeps {
  resolvePage(input: { pageId: string; actor: PageActor }, now: Date): Promise<ResolveResult | undefined>;
}

/** Resolve, on any message of an open page; the use case asks the policy who may. */
export function resolveButton(deps: ResolveButtonDeps) {
  return async (args: PageButtonArgs): Promise<void> => {
    await args.ack();
    const clickedAt = deps.clock.now();
    const { pageId } = readPageButtonValue(args.action.value);
    if (!pageId) return answer(args, noSuchPage(pageId));
    const r = await recordClick(args, 'resolution', deps.clickRetryMs, () => deps.resolvePage({ pageId, actor: actorOf(deps, args) }, clickedAt));
    if (r === NOT_RECORDED) return;
    if (r?.kind === 'resolved') await showOnClicked(deps, args, r.state);
    await answer(args, r ? resolveReply(r, (id) => deps.people.mention(id)) : noSuchPage(pageId));
  };
}
