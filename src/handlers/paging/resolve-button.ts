import type { ResolveResult } from '../../escalation/domain/escalation-engine.ts';
import { noSuchPage, resolveReply } from '../../escalation/views/page-replies.ts';
import { answer, clickedBy, pageIdOf, type PageButtonArgs, type PageButtonDeps } from './page-buttons.ts';

export interface ResolveButtonDeps extends PageButtonDeps {
  resolvePage(input: { pageId: string; by: string }, now: Date): Promise<ResolveResult | undefined>;
}

/** Resolve, on any message of an open page; the use case asks the domain who may. */
export function resolveButton(deps: ResolveButtonDeps) {
  return async (args: PageButtonArgs): Promise<void> => {
    await args.ack();
    const pageId = pageIdOf(args);
    const r = await deps.resolvePage({ pageId: pageId ?? '', by: clickedBy(deps, args) }, deps.clock.now());
    await answer(args, r ? resolveReply(r, (id) => deps.people.mention(id)) : noSuchPage(pageId));
  };
}
