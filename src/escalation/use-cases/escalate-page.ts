import { escalateNow, type EscalateResult } from '../domain/escalation-engine.ts';
import type { PageLocks } from '../page-locks.ts';
import type { DirectoryLookup } from '../ports/directory-lookup.ts';
import type { PageStore } from '../ports/page-store.ts';

export interface EscalatePageDeps {
  pages: Pick<PageStore, 'load' | 'transition'>;
  locks: PageLocks;
  directoryFor: DirectoryLookup;
}

/** "Escalate now": runs the next step at once instead of waiting out the current step's delay. */
export async function escalatePage(deps: EscalatePageDeps, input: { pageId: string; by: string }, now: Date): Promise<EscalateResult | undefined> {
  const { pageId, by } = input;
  const before = await deps.pages.load(pageId);
  if (!before) return undefined;
  // Looked up before taking the lock: the rota may read the store.
  const directory = await deps.directoryFor(before.subprojectId, now);
  const out = await deps.locks.with(pageId, () =>
    deps.pages.transition(pageId, now, (s) => escalateNow(s, now, directory, by), {
      audit: (r) => (r.kind === 'escalated' ? { actor: by, action: 'page.escalated', payload: { manual: true, step: r.state.stepIndex + 1, pass: r.state.pass } } : undefined),
    }),
  );
  return out?.result;
}
