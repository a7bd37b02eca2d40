import { NominationStore } from '../store/nomination-store.ts';
import type { NominationDeps } from '../ports/nomination-deps.ts';
import { nominationIssue, nominationMessage } from '../views/nomination-views.ts';
import { checklist, effectOf, homeAudience } from './nomination-context.ts';

const githubOf = (deps: Pick<NominationDeps, 'people'>) => (id: string) => deps.people.find((p) => p.id === id)?.github ?? id;

/**
 * After the commit: the nomination's issue on the decisions repository (found again by its
 * marker on a retry), then its message with the vote buttons in the staffing channel (keyed).
 */
export async function fileNominationIssue(deps: NominationDeps, nominationId: string, retry: boolean): Promise<void> {
  const store = new NominationStore(deps.db);
  let n = await store.get(nominationId);
  if (!n) return;
  const effect = effectOf(deps, n.subprojectId, { kind: 'add', personId: n.personId }, n.createdAt).lines;
  if (deps.github && n.issueNumber === undefined) {
    const shadowUntil = n.deadlineAt ? new Date(n.deadlineAt.getTime() + deps.settings.shadowDays * 86_400_000) : undefined;
    const issue = nominationIssue(n, { github: githubOf(deps), effect, marker: `k8s-infra-bot:${n.id}`, checklist: checklist(deps, 'add', n.personId, n.subprojectId, shadowUntil) });
    const opened = await deps.github.openIssue({ ...issue, labels: deps.settings.labels, marker: `k8s-infra-bot:${n.id}` });
    await store.setIssue(n.id, opened);
    n = { ...n, issueNumber: opened.number, issueUrl: opened.url };
  }
  await deps.notifier.post(deps.settings.staffingChannel, nominationMessage(n, { mention: deps.mention, effect }), { key: `owners.nomination-post:${n.id}`, checkFirst: retry });
  // Its voters see it on their Home tab, the nominee their statement of intent.
  deps.home?.refresh(homeAudience(deps, n));
}
