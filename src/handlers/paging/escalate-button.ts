import type { EscalateResult } from '../../escalation/domain/escalation-engine.ts';
import type { EscalatePageInput } from '../../escalation/use-cases/escalate-page.ts';
import { escalateReply, noSuchPage } from '../../escalation/views/page-replies.ts';
import { readPageButtonValue } from '../../escalation/views/paging-message.ts';
import { actorOf, answer, showOnClicked, type PageButtonArgs, type PageButtonDeps } from './page-buttons.ts';
import { NOT_RECORDED, recordClick } from './record-click.ts';

export interface EscalateButtonDeps extends PageButtonDeps {
  escalatePage(input: EscalatePageInput, now: Date): Promise<EscalateResult | undefined>;
}

/**
 * Escalate now, on any message of a triggered page. The button carries the step the message
 * showed: the same click delivered again (or clicked twice) is one step, and the repeat is told
 * where the page already is.
 */
export function escalateButton(deps: EscalateButtonDeps) {
  return async (args: PageButtonArgs): Promise<void> => {
    await args.ack();
    const clickedAt = deps.clock.now();
    const { pageId, seenStepSeq } = readPageButtonValue(args.action.value);
    if (!pageId) return answer(args, noSuchPage(pageId));
    const input: EscalatePageInput = { pageId, actor: actorOf(deps, args), ...(seenStepSeq !== undefined ? { seenStepSeq } : {}), clickKey: `${args.body.user.id}:${args.action.action_ts}` };
    const r = await recordClick(args, 'escalation', deps.clickRetryMs, () => deps.escalatePage(input, clickedAt));
    if (r === NOT_RECORDED) return;
    if (r?.kind === 'escalated') await showOnClicked(deps, args, r.state);
    await answer(args, r ? escalateReply(r) : noSuchPage(pageId));
  };
}
