import { tickChecklist, type BotStep, type StepResult } from '../domain/owner-change-steps.ts';
import { editOwnersFile } from '../domain/owners-file-edit.ts';
import { editOwnersList } from '../domain/owners-list-edit.ts';
import type { Nomination } from '../domain/nomination.ts';
import type { NominationDeps } from '../ports/nomination-deps.ts';
import type { FileEdit } from '../ports/owners-github.ts';
import { NominationStore } from '../store/nomination-store.ts';
import { stepsOf } from './nomination-context.ts';

export interface OpenedChange {
  repo: string;
  number: number;
  url: string;
}

export interface AppliedChange {
  /** The first pull request (the config repository's when there is one). */
  pullRequest?: { number: number; url: string };
  /** One per repository, each holding all its file edits in one commit. */
  pullRequests?: OpenedChange[];
  /** Checklist lines the bot could not do, each with the reason (also written on the issue). */
  skipped?: string[];
}

/** Every pull request a change opened (an outcome stored before they were listed holds only the first). */
export function openedPullRequests(applied: AppliedChange): OpenedChange[] {
  return applied.pullRequests ?? (applied.pullRequest ? [{ repo: '', ...applied.pullRequest }] : []);
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

interface Planned {
  step: BotStep;
  repo: string;
  branch: string;
  path: string;
  edit: (text: string) => string | undefined;
}

/** Each step as a file edit on its repository; a group the access capability cannot place is a reason. */
async function plan(deps: NominationDeps, n: Nomination, steps: readonly BotStep[], failed: Map<BotStep, string>): Promise<Planned[]> {
  const kind = n.kind === 'nominate' ? 'add' : 'remove';
  const person = deps.people.find((p) => p.id === n.personId);
  const out: Planned[] = [];
  for (const step of steps) {
    if (step.kind === 'config') out.push({ step, repo: step.repo, branch: step.branch, path: step.path, edit: (t) => editOwnersList(t, n.subprojectId, { kind, personId: n.personId }) ?? fail(`no \`owners:\` of ${n.subprojectId} in ${step.path}`) });
    else if (step.kind === 'owners-file') out.push({ step, repo: step.repo, branch: step.branch, path: step.path, edit: (t) => editOwnersFile(t, step.target, { kind, handle: person?.github ?? n.personId }) });
    else {
      try {
        if (!deps.groupEdit) throw new Error('the access capability is not running');
        const e = await deps.groupEdit(step.group, { kind, email: person?.email ?? '' });
        out.push({ step, repo: e.repo, branch: e.branch, path: e.path, edit: (t) => e.edit(t) });
      } catch (err) {
        failed.set(step, message(err));
      }
    }
  }
  return out;
}

function fail(reason: string): never {
  throw new Error(reason);
}

/**
 * What a person would do once an owner is accepted or offboarded: one pull request per
 * repository, with every file it touches in one commit (`owners:` in the config, the configured
 * OWNERS_ALIASES aliases and OWNERS lists, the subproject's groups in groups.yaml through the
 * access capability), each found again by its branch on a retry. The issue's checklist gets the
 * lines ticked; a line the bot could not do stays open with the reason. Remembered on the
 * nomination, so a retry of the job reuses it.
 */
export async function applyOwnershipChange(deps: NominationDeps, n: Nomination): Promise<AppliedChange> {
  const store = new NominationStore(deps.db);
  const known = (await store.outcome(n.id)) as AppliedChange | undefined;
  if (known?.pullRequest || known?.pullRequests) return known;
  if (!deps.github) return {};
  const kind = n.kind === 'nominate' ? 'add' : 'remove';
  const steps = stepsOf(deps, kind, n.personId, n.subprojectId);
  if (steps.length === 0) return {};
  const github = deps.people.find((p) => p.id === n.personId)?.github ?? n.personId;
  const failed = new Map<BotStep, string>();
  const unchanged = new Set<BotStep>();
  const planned = await plan(deps, n, steps, failed);

  const byRepo = new Map<string, Planned[]>();
  for (const p of planned) byRepo.set(`${p.repo}\n${p.branch}`, [...(byRepo.get(`${p.repo}\n${p.branch}`) ?? []), p]);
  const title = `${n.subprojectId}: ${kind} ${n.personId} ${kind === 'add' ? 'as an owner' : 'from the owners'}`;
  const opened: (OpenedChange & { steps: BotStep[] })[] = [];
  for (const group of byRepo.values()) {
    const { repo, branch } = group[0]!;
    // Edits of one file (two groups in one groups.yaml) apply one after the other; one that fails leaves the others.
    const byPath = new Map<string, Planned[]>();
    for (const p of group) byPath.set(p.path, [...(byPath.get(p.path) ?? []), p]);
    const files: FileEdit[] = [...byPath].map(([path, edits]) => ({
      path,
      edit: (text) => {
        if (text === undefined) {
          for (const e of edits) failed.set(e.step, `${repo} has no ${path}`);
          return undefined;
        }
        let out = text;
        for (const e of edits) {
          try {
            const next = e.edit(out);
            if (next === undefined || next === out) unchanged.add(e.step);
            else out = next;
          } catch (err) {
            failed.set(e.step, message(err));
          }
        }
        return out === text ? undefined : out;
      },
    }));
    const body = [
      `${kind === 'add' ? 'Adds' : 'Removes'} @${github} ${kind === 'add' ? 'to' : 'from'} the owners of ${n.subprojectId}${n.issueUrl ? `, as decided in ${n.issueUrl}` : ''}:`,
      '',
      ...group.map((p) => `- ${p.step.text.replace(/^Pull request: /, '')}`),
    ].join('\n');
    const pr = await deps.github.openFilesPullRequest({ repo, base: branch, branch: `k8s-infra-bot/owners-${n.id}`, title, body, files });
    if (pr) opened.push({ repo, number: pr.number, url: pr.url, steps: group.map((p) => p.step) });
  }

  const issueRepo = deps.settings.repo;
  const results: StepResult[] = steps.map((step) => {
    const reason = failed.get(step);
    if (reason !== undefined) return { text: step.text, done: false, reason };
    const pr = opened.find((o) => o.steps.includes(step));
    if (pr && !unchanged.has(step)) return { text: step.text, done: true, ref: pr.repo === issueRepo ? `#${pr.number}` : `${pr.repo}#${pr.number}` };
    return { text: step.text, done: true, ref: 'nothing to change' };
  });
  if (n.issueNumber !== undefined) await deps.github.updateIssueBody(n.issueNumber, (body) => tickChecklist(body, results));

  const out: AppliedChange = {
    ...(opened[0] ? { pullRequest: { number: opened[0].number, url: opened[0].url } } : {}),
    pullRequests: opened.map(({ repo, number, url }) => ({ repo, number, url })),
    skipped: results.flatMap((r) => (r.done ? [] : [`${r.text}: ${r.reason}`])),
  };
  // Merged into what else acceptance remembered on the nomination.
  await store.setOutcome(n.id, { ...known, ...out });
  return out;
}
