import { audit } from '../../platform/outbox/effects.ts';
import { dnsIssue, type IssueDraft } from '../domain/dns-issue.ts';
import { dnsChangeOf, fqdnOf } from '../domain/dns-request.ts';
import { parseIssueTemplate } from '../domain/issue-template.ts';
import { approversOf, ownersFoldersOf } from '../domain/owners-approvers.ts';
import { infraProjectsEdit, restrictionsEdit, stagingEdit, stagingIssue } from '../domain/staging-project.ts';
import type { Ticket } from '../domain/ticket.ts';
import { editZone } from '../domain/zone-edit.ts';
import type { FileChange } from '../ports/ticket-host.ts';
import { threadMessage } from '../views/ticket-messages.ts';
import { BUILT_IN_TEMPLATES } from './built-in-templates.ts';
import type { RequestDeps } from './request-deps.ts';
import { scheduleNudge } from './schedule-nudge.ts';
import { tell } from './tell.ts';
import { updateTicket } from './update-ticket.ts';

type Deps = Pick<RequestDeps, 'tickets' | 'host' | 'notifier' | 'settings' | 'people' | 'log' | 'clock' | 'once'>;

/**
 * Files a queued ticket, one step at a time, each step saved before the next so a retry (GitHub
 * down, a lost answer) resumes where it stopped: the thread in Slack, the issue, then for DNS and
 * staging projects the PR with its OWNERS approvers asked. Throws to be retried.
 */
export async function fileTicket(deps: Deps, id: string, attempt: number): Promise<void> {
  let t = await deps.tickets.get(id);
  if (!t) return;
  if (!t.thread) {
    const posted = await deps.notifier.post(deps.settings.channel, threadMessage(t), { key: `requests.thread:${id}`, checkFirst: attempt > 1 });
    const permalink = (await deps.notifier.permalink(posted)) ?? `slack:${posted.channel}/${posted.ts}`;
    t = await updateTicket(deps, id, (cur) => (cur.thread ? undefined : { ticket: { ...cur, thread: { channel: posted.channel, ts: posted.ts, permalink } }, effects: [] }));
    if (!t) return;
  }
  if (!t.issue) {
    const draft = await issueDraft(deps, t);
    const marker = t.thread!.permalink;
    const issue = (await deps.host.findIssue(marker)) ?? (await deps.host.createIssue(draft));
    const now = deps.clock.now();
    t = await updateTicket(deps, id, (cur) =>
      cur.issue
        ? undefined
        : {
            ticket: { ...cur, issue, state: cur.state === 'queued' ? 'filed' : cur.state },
            // A ticket with no PR (something else, or a PR that could not be prepared) waits on the admins: nudged too.
            effects: [tell(id, 'filed', now), scheduleNudge(id, cur.lastActivityAt, deps.settings.idleDays), audit({ at: now, actor: 'system', action: 'request.filed', subject: `request:${id}`, payload: { repo: deps.host.repo, issue: issue.number } })],
          },
    );
    if (!t) return;
  }
  if (t.spec.kind === 'other' || t.pr || t.prProblem) return;
  const prepared = await pullRequestFiles(deps, t);
  if (!prepared.ok) {
    const problem = prepared.reason;
    const issue = t.issue!.number;
    await deps.once(`requests.pr-problem:${id}`, () => deps.host.comment(issue, `The bot could not prepare the pull request for this request: ${problem}. A DNS admin or group admin can open it by hand.`));
    await updateTicket(deps, id, (cur) => (cur.prProblem ? undefined : { ticket: { ...cur, prProblem: problem }, effects: [tell(id, 'pr-problem', deps.clock.now())] }));
    return;
  }
  const pr = await deps.host.openPullRequest({ branch: `k8s-infra-bot/request-${id}`, files: prepared.files, message: prepared.title, title: prepared.title, body: prepared.body(t.issue!.number) });
  const approvers = await approversFor(deps, prepared.files.map((f) => f.path));
  const requester = deps.people.find((p) => p.slack === t.requester);
  const reviewers = approvers.filter((a) => a.toLowerCase() !== requester?.github.toLowerCase());
  if (reviewers.length > 0) await deps.host.requestReviewers(pr.number, reviewers);
  await updateTicket(deps, id, (cur) => {
    if (cur.pr) return undefined;
    const now = deps.clock.now();
    return {
      ticket: { ...cur, pr, paths: prepared.files.map((f) => f.path), approvers, state: cur.state === 'filed' ? 'pr-open' : cur.state, lastActivityAt: now.getTime() },
      effects: [
        tell(id, 'pr-open', now),
        scheduleNudge(id, now.getTime(), deps.settings.idleDays),
        audit({ at: now, actor: 'system', action: 'request.pr-opened', subject: `request:${id}`, payload: { repo: deps.host.repo, pr: pr.number, approvers } }),
      ],
    };
  });
}

/** Said in every issue: who asked, and where in Slack (the thread is the marker a retry finds the issue by). */
function requestedBy(deps: Deps, t: Ticket): string {
  const person = deps.people.find((p) => p.slack === t.requester);
  return `Requested in Slack by ${person ? `@${person.github}` : 'a member of the Kubernetes Slack'}: ${t.thread!.permalink}`;
}

async function templateText(deps: Deps, path: string, builtIn: string): Promise<string> {
  return (await deps.host.readFile(path))?.content ?? builtIn;
}

async function issueDraft(deps: Deps, t: Ticket): Promise<IssueDraft> {
  const extra = [...deps.settings.labels, ...deps.settings.kindLabels[t.spec.kind]];
  const withLabels = (d: IssueDraft): IssueDraft => ({ ...d, labels: [...new Set([...d.labels, ...extra])] });
  const by = requestedBy(deps, t);
  switch (t.spec.kind) {
    case 'dns': {
      const spec = t.spec;
      const parse = (text: string) => {
        const parsed = parseIssueTemplate(text);
        return parsed.ok ? dnsIssue(parsed.template, spec.dns, spec.existing, by) : parsed;
      };
      let drafted = parse(await templateText(deps, deps.settings.templates.dns, BUILT_IN_TEMPLATES.dns));
      // A template changed beyond what the bot can answer: the built-in copy of it, and a log line to update it.
      if (!drafted.ok) {
        deps.log.warn({ reason: drafted.reason }, 'requests: the repository DNS template cannot be filled; using the built-in copy');
        drafted = parse(BUILT_IN_TEMPLATES.dns);
      }
      if (!drafted.ok) throw new Error(drafted.reason);
      return withLabels(drafted.issue);
    }
    case 'other': {
      const parsed = parseIssueTemplate(await templateText(deps, deps.settings.templates.other, BUILT_IN_TEMPLATES.other));
      const labels = parsed.ok ? parsed.template.labels : [];
      return withLabels({ title: t.spec.other.title, body: `${t.spec.other.description}\n\n${by}\n`, labels });
    }
    case 'staging':
      return withLabels(stagingIssue(t.spec.staging, by));
  }
}

type Prepared = { ok: true; files: FileChange[]; title: string; body: (issue: number) => string } | { ok: false; reason: string };

/** The edit on GitHub's current files (the form checked a local copy, which may be behind). */
async function pullRequestFiles(deps: Deps, t: Ticket): Promise<Prepared> {
  if (t.spec.kind === 'dns') {
    const d = t.spec.dns;
    const path = `${deps.settings.zonePath}/${d.file}`;
    const file = await deps.host.readFile(path);
    if (!file) return { ok: false, reason: `${path} is not in ${deps.host.repo}` };
    const edited = editZone(file.content, dnsChangeOf(d));
    if (!edited.ok) return { ok: false, reason: `${path} cannot take the edit now: ${edited.reason}` };
    const verb = { create: 'add', update: 'update', delete: 'remove' }[d.action];
    const title = `DNS: ${verb} ${d.type} record for ${fqdnOf(d)}`;
    return { ok: true, files: [{ path, content: edited.text, sha: file.sha }], title, body: (issue) => `${title}.\n\nRefs #${issue}. The requester is asked to \`/lgtm\` this PR if it is what they asked for.\n` };
  }
  if (t.spec.kind === 'staging') {
    const s = t.spec.staging;
    // The documented flow: the writer group in the SIG's groups.yaml, the restriction that lets
    // that file define it, and the project in the GCP inventory.
    const steps = [
      { path: `${deps.settings.groupsPath}/${s.sig}/groups.yaml`, edit: stagingEdit, required: true },
      { path: `${deps.settings.groupsPath}/restrictions.yaml`, edit: restrictionsEdit, required: true },
      { path: deps.settings.infraPath, edit: infraProjectsEdit, required: false },
    ];
    const files: FileChange[] = [];
    for (const step of steps) {
      const file = await deps.host.readFile(step.path);
      if (!file) {
        if (step.required) return { ok: false, reason: `${step.path} is not in ${deps.host.repo}` };
        continue;
      }
      const edited = step.edit(file.content, s);
      if (!edited.ok) return { ok: false, reason: `${step.path} cannot take the edit now: ${edited.reason}` };
      if (edited.text !== file.content) files.push({ path: step.path, content: edited.text, sha: file.sha });
    }
    const title = `Add k8s-staging-${s.name} staging project`;
    const list = files.map((f) => `- \`${f.path}\``).join('\n');
    return { ok: true, files, title, body: (issue) => `${title}, owned by ${s.sig}, written by k8s-infra-staging-${s.name}@kubernetes.io:\n\n${list}\n\nRefs #${issue}. The requester is asked to \`/lgtm\` this PR if it is what they asked for.\n` };
  }
  return { ok: false, reason: 'this kind of request has no pull request' };
}

/** The approvers of the nearest OWNERS above each path (Prow's rule), aliases expanded. */
async function approversFor(deps: Deps, paths: readonly string[]): Promise<string[]> {
  const aliases = (await deps.host.readFile('OWNERS_ALIASES'))?.content;
  const found = new Set<string>();
  for (const path of paths) {
    for (const folder of ownersFoldersOf(path)) {
      const owners = await deps.host.readFile(folder ? `${folder}/OWNERS` : 'OWNERS');
      const read = owners ? approversOf(owners.content, aliases) : undefined;
      if (!read || read.approvers.length === 0) continue;
      read.approvers.forEach((a) => found.add(a));
      break;
    }
  }
  return [...found];
}
