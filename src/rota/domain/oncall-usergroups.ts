/**
 * The on-call Slack user groups the rota keeps (`@k8s-infra-oncall-<subproject>`), and the block
 * kubernetes/community's `communication/slack-config` needs for them. Tempelis, which manages the
 * community's user groups as code, archives every group its config does not list unless it is
 * declared `external: true`; without that block the next Tempelis run would archive ours.
 */

/** The one handle of a subproject's on-call user group (the Slack adapter and the block agree on it). */
export function onCallUsergroupHandle(subprojectId: string): string {
  return `k8s-infra-oncall-${subprojectId}`;
}

export interface SyncedUsergroup {
  subprojectId: string;
  /** The rotations that feed the group, in the subproject's order (primary + secondary, follow-the-sun layers). */
  rotations: readonly string[];
}

/** Where the block goes: the SIG's own folder, which restrictions.yaml lets the SIG's owners edit. */
export const TEMPELIS_USERGROUPS_FILE = 'communication/slack-config/sig-k8s-infra/usergroups.yaml';

/**
 * The YAML to add, shaped like the community's other externally maintained groups
 * (sig-testing/usergroups.yaml: `- name: test-infra-oncall` / `external: true`, a comment above
 * each saying what maintains it). One entry per group, however many rotations feed it.
 */
export function tempelisUsergroupsBlock(groups: readonly SyncedUsergroup[]): string {
  const entries = groups.map((g) =>
    [
      `  # maintained by k8s-infra-bot: on call for ${g.subprojectId}${g.rotations.length > 0 ? ` (rotations: ${g.rotations.join(', ')})` : ''}`,
      `  - name: ${onCallUsergroupHandle(g.subprojectId)}`,
      '    external: true',
    ].join('\n'),
  );
  return `usergroups:\n${entries.join('\n\n')}\n`;
}

/** What `check-config` prints: where the block goes, why, and the block itself. */
export function tempelisNote(groups: readonly SyncedUsergroup[]): string | undefined {
  if (groups.length === 0) return undefined;
  return [
    `Slack user groups: kubernetes/community manages user groups with Tempelis, which archives any group it does not know.`,
    `Add this to ${TEMPELIS_USERGROUPS_FILE} (create the file if it does not exist) so the on-call groups this bot keeps stay:`,
    '',
    tempelisUsergroupsBlock(groups),
  ].join('\n');
}
