import { readYaml11 } from '../../core/yaml11.ts';
import type { IssueDraft } from './dns-issue.ts';

/** A staging project request: `k8s-staging-<name>` with its writer group. */
export interface StagingRequest {
  name: string;
  /** The folder under groups/ that defines the group (`sig-release`). */
  sig: string;
  /** Initial members of k8s-infra-staging-<name>@kubernetes.io (e-mail addresses). */
  members: string[];
  reason: string;
}

export interface StagingForm {
  name: string;
  sig: string | undefined;
  members: string;
  reason: string;
}

export type StagingField = keyof StagingForm;

/** The documented limit: `<name>` in `k8s-staging-<name>` is at most 18 characters (GCP project ids are at most 30). */
export const STAGING_NAME_MAX = 18;

export const groupEmail = (name: string) => `k8s-infra-staging-${name}@kubernetes.io`;

const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;

/** What the repository already has, to tell whether a name is free. */
export interface StagingInventory {
  /** groups/<folder>/groups.yaml texts by folder. */
  groupFiles: ReadonlyMap<string, string>;
}

/** Every group e-mail defined in these groups.yaml files (as yaml.v2 reads them). */
export function definedGroups(files: ReadonlyMap<string, string>): Set<string> {
  const found = new Set<string>();
  for (const text of files.values()) {
    const read = readYaml11(text, 'go-yaml-v2');
    const groups = read.ok ? (read.value as { groups?: unknown } | null)?.groups : undefined;
    if (Array.isArray(groups)) for (const g of groups) if (g && typeof g === 'object' && typeof (g as { 'email-id'?: unknown })['email-id'] === 'string') found.add(String((g as Record<string, unknown>)['email-id']).toLowerCase());
  }
  return found;
}

export type StagingCheck = { ok: true; request: StagingRequest } | { ok: false; errors: Partial<Record<StagingField, string>> };

/** The naming rules and a free name, a SIG folder that exists, members as e-mail addresses. */
export function checkStagingRequest(form: StagingForm, inventory: StagingInventory): StagingCheck {
  const errors: Partial<Record<StagingField, string>> = {};
  const name = form.name.trim().toLowerCase().replace(/^k8s-staging-/, '');
  if (!name) errors.name = 'Enter the project name: the part after k8s-staging-.';
  else if (name.length > STAGING_NAME_MAX) errors.name = `${name} is ${name.length} characters: a staging name is at most ${STAGING_NAME_MAX} (k8s-staging-<name> must fit a GCP project id).`;
  else if (!/^[a-z][a-z0-9-]*[a-z0-9]$/.test(name) || name.includes('--')) errors.name = 'A staging name is lowercase letters, digits and single dashes, starting with a letter.';
  else if (definedGroups(inventory.groupFiles).has(groupEmail(name))) errors.name = `k8s-staging-${name} is taken: ${groupEmail(name)} already exists.`;
  const sig = form.sig ?? '';
  if (!inventory.groupFiles.has(sig)) errors.sig = 'Choose the SIG whose groups.yaml will define the writer group.';
  const members = form.members.split(/[\s,]+/).map((m) => m.trim()).filter(Boolean);
  const bad = members.find((m) => !EMAIL.test(m));
  if (members.length === 0) errors.members = 'Name at least one writer (an e-mail address per line).';
  else if (bad) errors.members = `${bad} is not an e-mail address.`;
  else if (new Set(members.map((m) => m.toLowerCase())).size !== members.length) errors.members = 'An address is listed twice.';
  const reason = form.reason.trim();
  if (!reason) errors.reason = 'Say what the project is for: it goes in the issue.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, request: { name, sig, members, reason } };
}

/**
 * The new writer group in a SIG's groups.yaml, written like the staging groups already there
 * (`ACL for staging <name>`, `ReconcileMembers: "true"`, no owners), after the last of them, or
 * at the end of the file.
 */
export function stagingEdit(text: string, request: StagingRequest): { ok: true; text: string } | { ok: false; reason: string } {
  if (definedGroups(new Map([['', text]])).has(groupEmail(request.name))) return { ok: false, reason: `${groupEmail(request.name)} already exists` };
  const lines = text.split('\n');
  const starts = lines.flatMap((l, i) => (/^ {2}- email-id: /.test(l) ? [i] : []));
  const block = [
    `  - email-id: ${groupEmail(request.name)}`,
    `    name: k8s-infra-staging-${request.name}`,
    '    description: |-',
    `      ACL for staging ${request.name}`,
    '    settings:',
    '      ReconcileMembers: "true"',
    '    members:',
    ...request.members.map((m) => `      - ${m}`),
  ];
  const staging = starts.filter((i) => /k8s-infra-staging-/.test(lines[i]!));
  const afterGroup = staging.length > 0 ? staging.at(-1)! : starts.at(-1);
  if (afterGroup === undefined) return { ok: false, reason: 'the file has no groups: list to add to' };
  // A group's last line is the last non-blank one before the next group (or the end).
  const next = starts.find((i) => i > afterGroup) ?? lines.length;
  let last = next - 1;
  while (last > afterGroup && (lines[last] === '' || /^\s*#/.test(lines[last]!))) last--;
  // Groups set apart by blank lines get one before the new group too.
  const spaced = lines[last + 1] === '' && (next < lines.length || starts.some((i) => i > 0 && lines[i - 1] === ''));
  const out = [...lines];
  out.splice(last + 1, 0, ...(spaced ? ['', ...block] : block));
  return { ok: true, text: out.join('\n') };
}

/** The issue for a staging project: what the documented flow asks a requester to give. */
export function stagingIssue(request: StagingRequest, requestedBy: string): IssueDraft {
  const body = [
    '### Staging project:',
    `\`k8s-staging-${request.name}\``,
    '',
    '### Owning SIG:',
    request.sig,
    '',
    '### Writer group:',
    `\`${groupEmail(request.name)}\`, defined in \`groups/${request.sig}/groups.yaml\`, with:`,
    ...request.members.map((m) => `- ${m}`),
    '',
    '### Reason for the project:',
    '',
    request.reason,
    '',
    requestedBy,
    '',
  ].join('\n');
  return { title: `STAGING PROJECT REQUEST: k8s-staging-${request.name}`, body, labels: [] };
}

type Edit = { ok: true; text: string } | { ok: false; reason: string };

/**
 * groups/restrictions.yaml lets the SIG's groups.yaml define the new group: its pattern is added
 * to that file's `allowedGroups`, after the SIG's other staging groups (unless a pattern already
 * there admits it).
 */
export function restrictionsEdit(text: string, request: StagingRequest): Edit {
  const lines = text.split('\n');
  const pathLine = lines.findIndex((l) => l.trim() === `- path: "${request.sig}/groups.yaml"` || l.trim() === `- path: ${request.sig}/groups.yaml`);
  if (pathLine < 0) return { ok: false, reason: `restrictions.yaml has no entry for ${request.sig}/groups.yaml` };
  let end = pathLine + 1;
  while (end < lines.length && !/^\s*- path:/.test(lines[end]!) && lines[end]!.trim() !== '') end++;
  const patterns = lines.slice(pathLine + 1, end).flatMap((l, i) => {
    const m = /^(\s*)- "(.*)"\s*$/.exec(l);
    return m ? [{ line: pathLine + 1 + i, indent: m[1]!, pattern: m[2]! }] : [];
  });
  if (patterns.length === 0) return { ok: false, reason: `${request.sig}/groups.yaml has no allowedGroups list in restrictions.yaml` };
  const email = groupEmail(request.name);
  if (patterns.some((p) => safeMatch(p.pattern, email))) return { ok: true, text };
  const staging = patterns.filter((p) => p.pattern.includes('k8s-infra-staging-'));
  const after = (staging.at(-1) ?? patterns.at(-1))!;
  const out = [...lines];
  out.splice(after.line + 1, 0, `${after.indent}- "^${email}$"`);
  return { ok: true, text: out.join('\n') };
}

function safeMatch(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern).test(value);
  } catch {
    return false;
  }
}

/** infra/gcp/infra.yaml lists the project under `staging: projects:`, in alphabetical position. */
export function infraProjectsEdit(text: string, request: StagingRequest): Edit {
  const lines = text.split('\n');
  const staging = lines.findIndex((l) => /^ {2}staging:\s*$/.test(l));
  if (staging < 0) return { ok: false, reason: 'infra.yaml has no staging: section' };
  const projects = lines.findIndex((l, i) => i > staging && /^ {4}projects:\s*$/.test(l));
  if (projects < 0) return { ok: false, reason: 'infra.yaml has no staging projects: list' };
  const project = `k8s-staging-${request.name}`;
  const entries: { line: number; name: string }[] = [];
  for (let i = projects + 1; i < lines.length; i++) {
    const m = /^ {6}([a-z0-9-]+):/.exec(lines[i]!);
    if (m) entries.push({ line: i, name: m[1]! });
    else if (lines[i]!.trim() !== '' && !/^ {7,}/.test(lines[i]!)) break;
  }
  if (entries.some((e) => e.name === project)) return { ok: false, reason: `${project} is already in infra.yaml` };
  const before = entries.find((e) => e.name > project);
  const at = before ? before.line : entries.length > 0 ? entries.at(-1)!.line + 1 : projects + 1;
  const out = [...lines];
  out.splice(at, 0, `      ${project}:`);
  return { ok: true, text: out.join('\n') };
}
