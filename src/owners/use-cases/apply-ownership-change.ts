import { editOwnersList } from '../domain/owners-list-edit.ts';
import type { Nomination } from '../domain/nomination.ts';
import type { NominationDeps } from '../ports/nomination-deps.ts';
import { NominationStore } from '../store/nomination-store.ts';

export interface AppliedChange {
  pullRequest?: { number: number; url: string };
}

/**
 * What a person would do once an owner is accepted or offboarded: the pull request editing the
 * subproject's `owners:` in the config's repository (found again by its branch on a retry).
 * Remembered on the nomination, so a retry of the job reuses it.
 */
export async function applyOwnershipChange(deps: NominationDeps, n: Nomination): Promise<AppliedChange> {
  const store = new NominationStore(deps.db);
  const known = (await store.outcome(n.id)) as AppliedChange | undefined;
  if (known?.pullRequest) return known;
  const file = deps.settings.configFile;
  if (!file || !deps.github) return {};
  const kind = n.kind === 'nominate' ? 'add' : 'remove';
  const github = deps.people.find((p) => p.id === n.personId)?.github ?? n.personId;
  const title = `${n.subprojectId}: ${kind === 'add' ? 'add' : 'remove'} ${n.personId} ${kind === 'add' ? 'as an owner' : 'from the owners'}`;
  const pr = await deps.github.openFilePullRequest({
    repo: file.repo,
    base: file.branch,
    path: file.path,
    branch: `k8s-infra-bot/owners-${n.id}`,
    title,
    body: `${kind === 'add' ? 'Adds' : 'Removes'} @${github} ${kind === 'add' ? 'to' : 'from'} the owners of ${n.subprojectId}${n.issueUrl ? `, as decided in ${n.issueUrl}` : ''}.`,
    edit: (text) => editOwnersList(text, n.subprojectId, { kind, personId: n.personId }),
  });
  const out: AppliedChange = pr ? { pullRequest: pr } : {};
  await store.setOutcome(n.id, out);
  return out;
}
