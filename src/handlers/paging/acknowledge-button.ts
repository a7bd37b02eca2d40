import type { AcknowledgeResult } from '../../escalation/domain/escalation-engine.ts';
import { acknowledgeReply, noSuchPage } from '../../escalation/views/page-replies.ts';
import { answer, clickedBy, pageIdOf, type PageButtonArgs, type PageButtonDeps } from './page-buttons.ts';

export interface AcknowledgeButtonDeps extends PageButtonDeps {
  acknowledgePage(input: { pageId: string; by: string }, now: Date): Promise<AcknowledgeResult | undefined>;
}

/** Acknowledge, on any message of a page. A second click is answered with who was first. */
export function acknowledgeButton(deps: AcknowledgeButtonDeps) {
  return async (args: PageButtonArgs): Promise<void> => {
    await args.ack();
    const pageId = pageIdOf(args);
    const r = await deps.acknowledgePage({ pageId: pageId ?? '', by: clickedBy(deps, args) }, deps.clock.now());
    await answer(args, r ? acknowledgeReply(r, (id) => deps.people.mention(id)) : noSuchPage(pageId));
  };
}
