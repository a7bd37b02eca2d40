import { closestMatch } from '../../core/closest-match.ts';
import type { CatalogGroup, GroupCatalog } from './group-catalog.ts';
import { groupRuleViolations, rbacGroupProblem, selfAdditionProblem } from './group-rules.ts';

/** The access modal's fields; errors are keyed by these names so Slack can show them inline. */
export type AccessRequestField = 'group' | 'email' | 'justification' | 'until' | 'section' | 'note';
export type AccessFieldErrors = Partial<Record<AccessRequestField, string>>;

export interface AccessRequestInput {
  /** Group e-mail id (the external select's value). */
  group: string;
  /** Address to add. */
  email: string;
  justification: string;
  /** Last day of temporary access, `YYYY-MM-DD` (Slack datepicker); empty for permanent access. */
  until?: string | null | undefined;
  /** Who asks (for the leads@ rule: a non-lead may not add themselves). */
  requester?: { email?: string | undefined; github?: string | undefined };
}

export interface ValidatedAccessRequest {
  group: CatalogGroup;
  email: string;
  justification: string;
  /** Present for temporary access. */
  until?: string;
  /** When the grant ends: the start (UTC) of the day after `until`, so `until` itself is covered. */
  expiresAt?: Date;
}

export interface AccessValidationRules {
  maxTemporaryAccessDays: number;
  /** Groups whose membership the repository's tests pin; never changed through a request. */
  lockedGroups: readonly string[];
}

export type AccessValidationResult = { ok: true; value: ValidatedAccessRequest } | { ok: false; errors: AccessFieldErrors };

const MIN_JUSTIFICATION = 10;
const MAX_JUSTIFICATION = 3000;
const GKE_SECURITY_GROUPS = 'gke-security-groups@';

// Deliberately plain: one @, no spaces, a dotted domain. Google Groups accepts any such address.
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function isEmailAddress(s: string): boolean {
  return s.length <= 254 && EMAIL.test(s) && !s.startsWith('.') && !s.includes('..') && !s.split('@')[0]!.endsWith('.');
}

/** `YYYY-MM-DD` → midnight UTC of that date, or undefined when it is not a real date. */
function parseIsoDate(s: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s ? d : undefined;
}

/** Temporary access through `until` ends when the next UTC day starts. */
export function expiryOf(until: string): Date {
  const d = parseIsoDate(until);
  if (!d) throw new Error(`not a date: ${until}`);
  return new Date(d.getTime() + 86_400_000);
}

const DAY = 86_400_000;

function sameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Why the group cannot take a member through a request, or undefined when it can. */
function groupRefusal(group: CatalogGroup, rules: Pick<AccessValidationRules, 'lockedGroups'>, catalog: Pick<GroupCatalog, 'find'>): string | undefined {
  const relativeFile = group.file;
  if (!group.allowedByRestrictions) {
    return `${relativeFile} may not define ${group.emailId} (restrictions.yaml), so the repository's tests reject any change to it. Ask the group's approvers.`;
  }
  if (rules.lockedGroups.some((g) => sameAddress(g, group.emailId))) {
    return `Membership of ${group.emailId} is pinned by the repository's own tests; the leads change it by hand.`;
  }
  if (group.emailId.toLowerCase().startsWith('k8s-infra')) {
    if (group.owners.length > 0) return `${group.emailId} has owners, but k8s-infra* groups must have no owners, only members; fix ${relativeFile} first.`;
    if (group.settings.ReconcileMembers !== 'true') return `${group.emailId} lacks ReconcileMembers: "true", which every k8s-infra* group needs; fix ${relativeFile} first.`;
  }
  // Only what a new member line could break is refused here (the main branch passes its own tests
  // with what it has, e.g. contributors@ owning a few lists); the edited file is checked again before the PR.
  const broken = groupRuleViolations(group).filter((p) => !p.startsWith('a group cannot own'));
  if (broken.length > 0) return `${relativeFile} breaks the repository's group rules for ${group.emailId} (${broken.join('; ')}), so any change to it fails its tests; fix the file first.`;
  const rbac = rbacGroupProblem(group, catalog.find('gke-security-groups@kubernetes.io'));
  if (rbac) return `${rbac}; ask the approvers to add it there first.`;
  return undefined;
}

/**
 * Checks a request before anyone is asked to approve it, with the rules the k8s.io repository's
 * own tests enforce (restrictions.yaml, no duplicate members, k8s-infra* conventions, RBAC groups),
 * so the pull request the bot opens later passes them. Pure: `now` decides what "future" means.
 */
export function validateAccessRequest(
  input: AccessRequestInput,
  catalog: Pick<GroupCatalog, 'find' | 'groups'>,
  rules: AccessValidationRules,
  now: Date,
): AccessValidationResult {
  const errors: AccessFieldErrors = {};
  const groupId = input.group.trim();
  const email = input.email.trim();
  const justification = input.justification.trim();
  const until = (input.until ?? '').trim();

  let group: CatalogGroup | undefined;
  if (!groupId) errors.group = 'Choose a group.';
  else {
    group = catalog.find(groupId);
    if (!group) {
      const guess = closestMatch(groupId, catalog.groups.map((g) => g.emailId));
      errors.group = `There is no group ${groupId}.${guess ? ` Did you mean ${guess}?` : ''}`;
    } else {
      const refusal = groupRefusal(group, rules, catalog);
      if (refusal) errors.group = refusal;
    }
  }

  if (!email) errors.email = 'Enter the e-mail address to add.';
  else if (!isEmailAddress(email)) errors.email = `${email} is not an e-mail address.`;
  else if (group) {
    if (sameAddress(email, group.emailId)) errors.email = 'A group cannot be a member of itself.';
    else if (group.members.some((m) => sameAddress(m, email))) errors.email = `${email} is already a member of ${group.name}.`;
    else if (group.managers.some((m) => sameAddress(m, email))) errors.email = `${email} is already a manager of ${group.name}.`;
    else if (group.owners.some((m) => sameAddress(m, email))) errors.email = `${email} is already an owner of ${group.name}.`;
    else if (selfAdditionProblem(group, email, input.requester ?? {}, group.approvers)) errors.email = selfAdditionProblem(group, email, input.requester ?? {}, group.approvers);
    else if (group.emailId.toLowerCase().startsWith(GKE_SECURITY_GROUPS)) {
      const rbac = catalog.find(email);
      if (!rbac || !rbac.emailId.toLowerCase().startsWith('k8s-infra-rbac')) {
        // The repo's tests allow only k8s-infra-rbac-* groups here: people go in one of those instead.
        errors.group = `Only k8s-infra-rbac-*@kubernetes.io groups can be members of ${group.emailId}; ask for the cluster's k8s-infra-rbac-* group instead.`;
      }
    }
  }

  if (justification.length < MIN_JUSTIFICATION) errors.justification = `Say why you need this access (at least ${MIN_JUSTIFICATION} characters).`;
  else if (justification.length > MAX_JUSTIFICATION) errors.justification = `Keep it under ${MAX_JUSTIFICATION} characters.`;

  let expiresAt: Date | undefined;
  if (until) {
    const day = parseIsoDate(until);
    const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    if (!day) errors.until = 'Pick a date (YYYY-MM-DD).';
    else if (day.getTime() <= today.getTime()) errors.until = 'Pick a date after today (UTC).';
    else if (day.getTime() - today.getTime() > rules.maxTemporaryAccessDays * DAY) {
      errors.until = `At most ${rules.maxTemporaryAccessDays} days ahead; ask again to extend later.`;
    } else if (group && group.settings.ReconcileMembers !== 'true') {
      errors.until = `${group.name} does not remove members dropped from groups.yaml (no ReconcileMembers: "true"), so temporary access could not be revoked. Leave the date empty.`;
    } else expiresAt = expiryOf(until);
  }

  if (Object.keys(errors).length > 0 || !group) return { ok: false, errors };
  return {
    ok: true,
    value: { group, email, justification, ...(expiresAt ? { until, expiresAt } : {}) },
  };
}
