import type { NominationDeps } from '../ports/nomination-deps.ts';
import { NominationStore } from '../store/nomination-store.ts';
import { offboardIssue, pullRequestLinks } from '../views/nomination-views.ts';
import { applyOwnershipChange, openedPullRequests } from './apply-ownership-change.ts';
import { checklist, effectOf } from './nomination-context.ts';

/** After an offboarding committed: its issue with the checklist, the pull request, and a line in the channel. */
export async function applyOffboarding(deps: NominationDeps, nominationId: string, retry: boolean): Promise<void> {
  const store = new NominationStore(deps.db);
  let n = await store.get(nominationId);
  if (!n) return;
  const github = (id: string) => deps.people.find((p) => p.id === id)?.github ?? id;
  if (deps.github && n.issueNumber === undefined) {
    const effect = effectOf(deps, n.subprojectId, { kind: 'remove', personId: n.personId }, n.createdAt).lines;
    const issue = offboardIssue({ subprojectId: n.subprojectId, person: github(n.personId), by: github(n.nominatorId), reason: '', effect, marker: `k8s-infra-bot:${n.id}`, checklist: checklist(deps, 'remove', n.personId, n.subprojectId) });
    const opened = await deps.github.openIssue({ ...issue, labels: deps.settings.labels, marker: `k8s-infra-bot:${n.id}` });
    await store.setIssue(n.id, opened);
    n = { ...n, issueNumber: opened.number, issueUrl: opened.url };
  }
  const applied = await applyOwnershipChange(deps, n);
  const links = pullRequestLinks(openedPullRequests(applied));
  await deps.notifier.post(
    deps.settings.staffingChannel,
    { text: `${deps.mention(n.nominatorId)} offboarded ${deps.mention(n.personId)} from the owners of \`${n.subprojectId}\`.${n.issueUrl ? ` <${n.issueUrl}|Issue #${n.issueNumber}>` : ''}${links ? `, ${links}` : ''}` },
    { key: `owners.offboarded:${n.id}`, checkFirst: retry },
  );
}
