import type { OwnersFileTarget } from './owners-file-edit.ts';

/** Where an owner change is written, per subproject (the `owners.subprojects` config). */
export interface SubprojectFiles {
  ownersAliases: readonly { repo: string; path: string; alias: string; branch: string }[];
  ownersFiles: readonly { repo: string; path: string; list: 'approvers' | 'reviewers'; branch: string }[];
  groups: readonly string[];
}

/** One edit the bot makes as a pull request, with the checklist line that names it. */
export type BotStep =
  | { kind: 'config'; text: string; repo: string; branch: string; path: string }
  | { kind: 'owners-file'; text: string; repo: string; branch: string; path: string; target: OwnersFileTarget }
  | { kind: 'group'; text: string; group: string };

/**
 * The edits the bot opens pull requests for when `person` joins (`add`) or leaves (`remove`) the
 * owners of a subproject: `owners:` in the config file, each configured alias and OWNERS list
 * (GitHub handle), each configured Google group (e-mail). Their texts are the checklist lines.
 */
export function botSteps(
  input: { configFile?: { repo: string; path: string; branch: string } | undefined; files: SubprojectFiles | undefined },
  kind: 'add' | 'remove',
  person: { id: string; github: string; email?: string | undefined },
  subprojectId: string,
): BotStep[] {
  const verb = kind === 'add' ? 'add' : 'remove';
  const to = kind === 'add' ? 'to' : 'from';
  const steps: BotStep[] = [];
  if (input.configFile) steps.push({ kind: 'config', text: `Pull request: ${verb} ${person.id} ${kind === 'add' ? 'in' : 'from'} \`owners:\` of ${subprojectId} in ${input.configFile.path}`, ...input.configFile });
  for (const a of input.files?.ownersAliases ?? [])
    steps.push({ kind: 'owners-file', text: `Pull request: ${verb} @${person.github} ${to} the \`${a.alias}\` alias in ${a.repo} ${a.path}`, repo: a.repo, branch: a.branch, path: a.path, target: { kind: 'alias', alias: a.alias } });
  for (const f of input.files?.ownersFiles ?? [])
    steps.push({ kind: 'owners-file', text: `Pull request: ${verb} @${person.github} ${to} \`${f.list}\` in ${f.repo} ${f.path}`, repo: f.repo, branch: f.branch, path: f.path, target: { kind: 'list', list: f.list } });
  if (person.email) for (const g of input.files?.groups ?? []) steps.push({ kind: 'group', text: `Pull request: ${verb} ${person.email} ${to} ${g} in groups.yaml`, group: g });
  return steps;
}

/** What became of a checklist line the bot works on. */
export type StepResult = { text: string; done: true; ref: string } | { text: string; done: false; reason: string };

/**
 * The issue body with the bot's lines ticked, `- [x] <line> (<ref>)`, or, for a line it could
 * not do, left open with the reason after it. Lines already ticked or noted stay as they are,
 * so applying it again changes nothing.
 */
export function tickChecklist(body: string, results: readonly StepResult[]): string {
  const eol = body.includes('\r\n') ? '\r\n' : '\n';
  return body
    .split(eol)
    .map((line) => {
      const r = results.find((x) => line === `- [ ] ${x.text}`);
      if (!r) return line;
      return r.done ? `- [x] ${r.text} (${r.ref})` : `- [ ] ${r.text} (not done by the bot: ${r.reason.replace(/\s+/g, ' ')})`;
    })
    .join(eol);
}
