import type { EscalateResult } from '../../escalation/domain/escalation-engine.ts';
import { escalateReply, noSuchPage } from '../../escalation/views/page-replies.ts';
import { answer, clickedBy, pageIdOf, type PageButtonArgs, type PageButtonDeps } from './page-buttons.ts';

export interface EscalateButtonDeps extends PageButtonDeps {
  escalatePage(input: { pageId: string; by: string }, now: Date): Promise<EscalateResult | undefined>;
}

/** Escalate now, on any message of a triggered page. */
export function escalateButton(deps: EscalateButtonDeps) {
  return async (args: PageButtonArgs): Promise<void> => {
    await args.ack();
    const pageId = pageIdOf(args);
    const r = await deps.escalatePage({ pageId: pageId ?? '', by: clickedBy(deps, args) }, deps.clock.now());
    await answer(args, r ? escalateReply(r) : noSuchPage(pageId));
  };
}
