import type { CommandContext } from '../../platform/commands/command-router.ts';
import type { AccessPeople } from '../../access/ports/access-people.ts';
import type { GroupsCatalog } from '../../access/ports/groups-catalog.ts';
import { listAccessRequests, type ListAccessRequestsDeps } from '../../access/use-cases/list-access-requests.ts';
import { accessListReply } from '../../access/views/access-request-message.ts';
import { accessRequestModal } from '../../access/views/access-request-modal.ts';

export interface AccessCommandDeps {
  list: ListAccessRequestsDeps;
  people: AccessPeople;
  catalog: GroupsCatalog;
  /** The approval channel, named in the modal. */
  channel: string;
}

/** `/k8s-infra access` opens the request modal; `/k8s-infra access list` lists requests. */
export function accessCommand(deps: AccessCommandDeps) {
  return async (ctx: CommandContext): Promise<void> => {
    await ctx.ack();
    if (ctx.args[0] === 'list') {
      await ctx.reply(accessListReply(await listAccessRequests(deps.list, ctx.userId)));
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
