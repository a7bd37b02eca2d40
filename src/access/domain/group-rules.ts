import { isMap, isSeq } from 'yaml';
import { parseYaml11Document } from '../../core/yaml11.ts';
import { isApprover } from './approval-rules.ts';

/**
 * The rules kubernetes/k8s.io's own tests (`groups/groups_test.go`, `validate.go`) enforce on a
 * group, so the bot refuses in the modal what would fail the pull request's tests, and checks
 * the edited file again before it opens one. Pure.
 */
export interface GroupFacts {
  emailId: string;
  description: string;
  settings: Readonly<Record<string, string>>;
  owners: readonly string[];
  managers: readonly string[];
  members: readonly string[];
}

/** The repository's tests cap descriptions (TestDescriptionLength). */
export const MAX_GROUP_DESCRIPTION = 300;

const GROUP_EMAIL = /^[a-z0-9][a-z0-9._-]*@kubernetes\.io$/i;

function lower(xs: readonly string[]): string[] {
  return xs.map((x) => x.trim().toLowerCase());
}

/** What in the group itself breaks the repository's rules (each a sentence), empty when nothing does. */
export function groupRuleViolations(group: GroupFacts): string[] {
  const problems: string[] = [];
  const id = group.emailId.toLowerCase();
  if (!GROUP_EMAIL.test(group.emailId)) problems.push(`${group.emailId} is not a name@kubernetes.io address`);
  if (group.description.length > MAX_GROUP_DESCRIPTION) problems.push(`its description is ${group.description.length} characters (at most ${MAX_GROUP_DESCRIPTION})`);
  if (id.startsWith('k8s-infra')) {
    if (group.owners.length > 0) problems.push('k8s-infra* groups must have no owners, only members');
    if (group.settings.ReconcileMembers !== 'true') problems.push('k8s-infra* groups need ReconcileMembers: "true"');
  }
  const groupOwners = group.owners.filter((o) => /@kubernetes\.io$/i.test(o));
  if (groupOwners.length > 0) problems.push(`a group cannot own a group (${groupOwners.join(', ')})`);
  const seen = new Map<string, string>();
  for (const [role, list] of [['owners', group.owners], ['managers', group.managers], ['members', group.members]] as const) {
    for (const a of lower(list)) {
      const earlier = seen.get(a);
      if (earlier) problems.push(`${a} appears in ${earlier} and ${role}`);
      else seen.set(a, role);
    }
  }
  return problems;
}

/** RBAC groups grant cluster access only as members of gke-security-groups@ (the repository checks it). */
export function rbacGroupProblem(group: Pick<GroupFacts, 'emailId'>, gkeSecurityGroups: Pick<GroupFacts, 'members'> | undefined): string | undefined {
  if (!group.emailId.toLowerCase().startsWith('k8s-infra-rbac-')) return undefined;
  if (gkeSecurityGroups && lower(gkeSecurityGroups.members).includes(group.emailId.toLowerCase())) return undefined;
  return `${group.emailId} is not a member of gke-security-groups@kubernetes.io, so it grants nothing`;
}

/** `leads@`, `sig-k8s-infra-leads@`: groups of leads, whose members are added by leads. */
export function isLeadsGroup(emailId: string): boolean {
  return /(^|-)leads@/i.test(emailId);
}

/**
 * A non-lead adding themselves to a leads group (a real mistake in the history): refused.
 * `approvers` are the leads who approve the group's file.
 */
export function selfAdditionProblem(group: Pick<GroupFacts, 'emailId'>, memberEmail: string, requester: { email?: string | undefined; github?: string | undefined }, approvers: readonly string[]): string | undefined {
  if (!isLeadsGroup(group.emailId)) return undefined;
  if (!requester.email || requester.email.trim().toLowerCase() !== memberEmail.trim().toLowerCase()) return undefined;
  if (isApprover(requester.github, approvers)) return undefined;
  return `You cannot add yourself to ${group.emailId}; leads add new leads.`;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x) => x !== null && x !== undefined).map(String) : [];
}

/** The group as the edited file defines it, checked with the same rules (before a pull request is opened). */
export function editedGroupViolations(text: string, emailId: string): string[] {
  const doc = parseYaml11Document(text, { dialect: 'go-yaml-v2' });
  const root = doc.contents;
  const groups = isMap(root) ? root.get('groups', true) : undefined;
  if (!isSeq(groups)) return ['the file has no `groups:` list'];
  for (const item of groups.items) {
    if (!isMap(item)) continue;
    const js = item.toJSON() as Record<string, unknown>;
    if (typeof js['email-id'] !== 'string' || js['email-id'].toLowerCase() !== emailId.toLowerCase()) continue;
    const settings: Record<string, string> = {};
    if (js.settings && typeof js.settings === 'object') for (const [k, v] of Object.entries(js.settings as Record<string, unknown>)) settings[k] = String(v);
    return groupRuleViolations({ emailId: js['email-id'], description: typeof js.description === 'string' ? js.description : '', settings, owners: strings(js.owners), managers: strings(js.managers), members: strings(js.members) });
  }
  return [`${emailId} is not defined in the file`];
}
