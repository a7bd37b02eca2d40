import type { CommandContext } from '../../platform/commands/command-router.ts';
import type { AccessPeople } from '../../access/ports/access-people.ts';
import type { GroupsCatalog } from '../../access/ports/groups-catalog.ts';
import { listAccessRequests, type ListAccessRequestsDeps } from '../../access/use-cases/list-access-requests.ts';
import { accessListReply } from '../../access/views/access-request-message.ts';
import { accessRequestModal } from '../../access/views/access-request-modal.ts';
import { reviewGroupAccess, type ReviewGroupAccessDeps } from '../../access/use-cases/review-group-access.ts';
import { accessReviewReply } from '../../access/views/access-review-reply.ts';

export interface AccessCommandDeps {
  list: ListAccessRequestsDeps;
  review: ReviewGroupAccessDeps;
  /** `access.repo` and `access.branch`, for links to the files. */
  repo: string;
  branch: string;
  people: AccessPeople;
  catalog: GroupsCatalog;
  /** The approval channel, named in the modal. */
  channel: string;
}

/** `/k8s-infra access` opens the request modal; `access list` lists requests; `access review <group>` reviews a group's members. */
export function accessCommand(deps: AccessCommandDeps) {
  return async (ctx: CommandContext): Promise<void> => {
    await ctx.ack();
    if (ctx.args[0] === 'list') {
      await ctx.reply(accessListReply(await listAccessRequests(deps.list, ctx.userId)));
      return;
    }
    if (ctx.args[0] === 'review') {
      const r = await reviewGroupAccess(deps.review, { userId: ctx.userId, group: ctx.args.slice(1).join(' '), now: ctx.now });
      await ctx.reply(r.ok ? accessReviewReply({ group: r.group, members: r.members, repo: deps.repo, branch: deps.branch }) : { response_type: 'ephemeral', text: r.message });
      return;
    }
    // The address defaults to the person's Slack e-mail, else the one in the config.
    let email = deps.people.actorFor(ctx.userId).email;
    try {
      const info = await ctx.client.users.info({ user: ctx.userId });
      email = info.user?.profile?.email ?? email;
    } catch (err) {
      ctx.log.warn({ err }, 'users.info failed; using the config e-mail');
    }
    await ctx.client.views.open({ trigger_id: ctx.triggerId, view: accessRequestModal({ ...(email ? { defaultEmail: email } : {}), channel: deps.channel }) });
    // Warm the catalog while the person types.
    void deps.catalog.get().catch(() => undefined);
  };
}
