import { addGroupMember, GroupsYamlEditError, membersOf, removeGroupMember } from '../domain/edit-group-members.ts';
import { editedGroupViolations } from '../domain/group-rules.ts';
import type { GroupMembershipEdit, MembershipChange } from '../api.ts';
import type { GroupsCatalog } from '../ports/groups-catalog.ts';

/**
 * The edit another capability makes to a group's members (an owner joining or leaving a
 * subproject): where the group is defined, and the same one-line, layout-keeping change an
 * access request's pull request makes, checked against the repository's group rules.
 */
export async function membershipEdit(deps: { catalog: GroupsCatalog; repo: string; branch: string }, groupEmail: string, change: MembershipChange): Promise<GroupMembershipEdit> {
  const wanted = groupEmail.trim().toLowerCase();
  const group = (await deps.catalog.get()).groups.find((g) => g.emailId.toLowerCase() === wanted);
  if (!group) throw new GroupsYamlEditError('group-not-found', `${groupEmail} is not defined in any groups.yaml`);
  return {
    repo: deps.repo,
    branch: deps.branch,
    path: group.file,
    edit(text) {
      const present = membersOf(text, group.emailId).some((m) => m.trim().toLowerCase() === change.email.trim().toLowerCase());
      if (present === (change.kind === 'add')) return undefined;
      const out = change.kind === 'add' ? addGroupMember(text, group.emailId, change.email).text : removeGroupMember(text, group.emailId, change.email).text;
      const before = new Set(editedGroupViolations(text, group.emailId));
      const broken = editedGroupViolations(out, group.emailId).filter((p) => !before.has(p));
      if (broken.length > 0) throw new GroupsYamlEditError('rule-violation', `the edited ${group.file} would break the repository's group rules (${broken.join('; ')})`);
      return out;
    },
  };
}
