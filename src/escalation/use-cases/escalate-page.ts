import { escalateNow, notAllowed, type EscalateResult } from '../domain/escalation-engine.ts';
import { mayEscalate, recordedName, type PageActor, type PageResponders, type Permission } from '../domain/page-permissions.ts';
import type { DirectoryLookup } from '../ports/directory-lookup.ts';
import type { PageAuditTrail } from '../ports/page-audit.ts';
import type { PageStore } from '../ports/page-store.ts';
import { recordRefusal } from '../refusals.ts';

export interface EscalatePageDeps {
  pages: Pick<PageStore, 'load' | 'transition'>;
  directoryFor: DirectoryLookup;
  respondersFor(subprojectId: string): PageResponders;
  audit: PageAuditTrail;
}

export interface EscalatePageInput {
  pageId: string;
  actor: PageActor;
  /** The step the person saw (the button carries it): a click is one step, however often it arrives. */
  seenStepSeq?: number;
  /** What identifies the click (its action_ts), for the audit trail. */
  clickKey?: string;
}

/** "Escalate now": runs the next step at once instead of waiting out the current step's delay. */
export async function escalatePage(deps: EscalatePageDeps, input: EscalatePageInput, now: Date): Promise<EscalateResult | undefined> {
  const { pageId, actor, seenStepSeq } = input;
  const before = await deps.pages.load(pageId);
  if (!before) return undefined;
  // Looked up before the write: the rota may read the store.
  const directory = await deps.directoryFor(before.subprojectId, now);
  let refused: Extract<Permission, { allowed: false }> | undefined;
  const out = await deps.pages.transition(
    pageId,
    now,
    (s) => {
      const may = mayEscalate(s, actor, deps.respondersFor(s.subprojectId));
      refused = may.allowed ? undefined : may;
      return may.allowed ? escalateNow(s, now, directory, recordedName(actor), seenStepSeq) : notAllowed(s, may.message);
    },
    {
      audit: (r) =>
        r.kind === 'escalated'
          ? { actor: recordedName(actor), action: 'page.escalated', payload: { manual: true, step: r.state.stepIndex + 1, pass: r.state.pass, ...(input.clickKey ? { click: input.clickKey } : {}) } }
          : undefined,
    },
  );
  if (refused) await recordRefusal(deps.audit, { subject: `page:${pageId}`, actor, action: 'escalate', reason: refused.reason }, now);
  return out?.result;
}
