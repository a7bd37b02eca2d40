import type { WebClient } from '@slack/web-api';
import { onCallUsergroupHandle } from '../domain/oncall-usergroups.ts';
import type { OnCallUsergroup } from '../ports.ts';

/**
 * `@k8s-infra-oncall-<subproject>` through Slack's usergroups API. Slack has no "create or
 * update", so the group is looked up by handle and created the first time.
 */
export function slackOnCallUsergroup(slack: Pick<WebClient, 'usergroups'>): OnCallUsergroup {
  return {
    async follow(subprojectId, slackId) {
      const handle = onCallUsergroupHandle(subprojectId);
      const list = await slack.usergroups.list({ include_users: false });
      let group = list.usergroups?.find((g) => g.handle === handle);
      if (!group) {
        const created = await slack.usergroups.create({ name: `k8s-infra on-call ${subprojectId}`, handle, description: `On call for ${subprojectId} (kept in sync by k8s-infra-bot)` });
        group = created.usergroup;
      }
      if (!group?.id) throw new Error(`user group ${handle} has no id`);
      await slack.usergroups.users.update({ usergroup: group.id, users: slackId });
    },
  };
}
