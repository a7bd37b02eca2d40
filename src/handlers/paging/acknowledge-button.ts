import type { AcknowledgeResult } from '../../escalation/domain/escalation-engine.ts';
import type { PageActor } from '../../escalation/domain/page-permissions.ts';
import { acknowledgeReply, noSuchPage } from '../../escalation/views/page-replies.ts';
import { readPageButtonValue } from '../../escalation/views/paging-message.ts';
import { actorOf, answer, showOnClicked, type PageButtonArgs, type PageButtonDeps } from './page-buttons.ts';
import { NOT_RECORDED, recordClick } from './record-click.ts';

export interface AcknowledgeButtonDeps extends PageButtonDeps {
  acknowledgePage(input: { pageId: string; actor: PageActor }, now: Date): Promise<AcknowledgeResult | undefined>;
}

/** Acknowledge, on any message of a page: the use case asks the policy; a second click is told who was first. */
export function acknowledgeButton(deps: AcknowledgeButtonDeps) {
  return async (args: PageButtonArgs): Promise<void> => {
    await args.ack();
    const clickedAt = deps.clock.now();
    const { pageId } = readPageButtonValue(args.action.value);
    if (!pageId) return answer(args, noSuchPage(pageId));
    const r = await recordClick(args, 'acknowledgement', deps.clickRetryMs, () => deps.acknowledgePage({ pageId, actor: actorOf(deps, args) }, clickedAt));
    if (r === NOT_RECORDED) return;
    if (r?.kind === 'acknowledged') await showOnClicked(deps, args, r.state);
    await answer(args, r ? acknowledgeReply(r, (id) => deps.people.mention(id)) : noSuchPage(pageId));
  };
}
