import type { Incident } from '../../incidents/domain/incident.ts';
import { parseIncidentCommand } from '../../incidents/domain/parse-incident-command.ts';
import { mayResolve } from '../../incidents/domain/permissions.ts';
import type { IncidentDirectory } from '../../incidents/incident-directory.ts';
import type { TransitionOutcome } from '../../incidents/use-cases/apply-transition.ts';
import { assignRole, type AssignRoleDeps } from '../../incidents/use-cases/assign-role.ts';
import { changeSeverity, type ChangeSeverityDeps } from '../../incidents/use-cases/change-severity.ts';
import { incidentOfChannel, listOpenIncidents, type ListIncidentsDeps } from '../../incidents/use-cases/list-incidents.ts';
import { postUpdate, type PostUpdateDeps } from '../../incidents/use-cases/post-update.ts';
import { resolveIncident, type ResolveIncidentDeps } from '../../incidents/use-cases/resolve-incident.ts';
import { incidentList } from '../../incidents/views/incident-messages.ts';
import { declareModal, resolveModal, updateModal } from '../../incidents/views/incident-modals.ts';
import { UserFacingError, type CommandContext, type SubcommandHandler } from '../../platform/commands/command-router.ts';

export type IncidentCommandDeps = PostUpdateDeps &
  AssignRoleDeps &
  ChangeSeverityDeps &
  ResolveIncidentDeps &
  ListIncidentsDeps & {
    directory: Pick<IncidentDirectory, 'serviceChoices'>;
    /** A person in the config (their Slack id); others are looked up in Slack. */
    knowsPerson(slackId: string): boolean;
  };

/** Run outside an incident channel: say which incidents are open and where to run it. */
function whichIncident(open: Incident[], verb: string): string {
  if (open.length === 0) return 'There are no open incidents.';
  const lines = open.map((i) => `• *${i.severity}* ${i.title}: ${i.channelId ? `<#${i.channelId}>` : `#${i.channelName ?? '(being created)'}`}`);
  return [`Run \`/k8s-infra incident ${verb}\` in the incident's channel. Open incidents:`, ...lines].join('\n');
}

function outcomeReply(r: TransitionOutcome, done: string): string {
  if (r.ok) return done;
  if (r.duplicate) return 'Already recorded.';
  throw new UserFacingError(r.reason);
}

/** `/k8s-infra incident declare|update|role|severity|resolve|list`: forms open at once, changes answer inline. */
export function incidentCommand(deps: IncidentCommandDeps): SubcommandHandler {
  return async (ctx: CommandContext) => {
    const cmd = parseIncidentCommand(ctx.rest);
    if (cmd.kind === 'error') throw new UserFacingError(cmd.message);
    if (cmd.kind === 'declare') {
      await ctx.ack();
      await ctx.client.views.open({ trigger_id: ctx.triggerId, view: declareModal({ declarer: ctx.userId, services: deps.directory.serviceChoices(), channelId: ctx.channelId }) });
      return;
    }
    if (cmd.kind === 'list') {
      const m = incidentList(await listOpenIncidents(deps), ctx.now);
      await ctx.reply({ response_type: 'ephemeral', text: m.text, blocks: m.blocks });
      return;
    }
    const incident = await incidentOfChannel(deps, ctx.channelId);
    // The trigger id is the same on a retried delivery of the command.
    const key = `incident-cmd:${ctx.triggerId}`;
    if (!incident || incident.status === 'resolved') {
      const open = await listOpenIncidents(deps);
      if (cmd.kind === 'update' && open.length > 0) {
        // Outside an incident channel: ask which incident in the form.
        await ctx.ack();
        await ctx.client.views.open({ trigger_id: ctx.triggerId, view: updateModal({ open, ...(cmd.status ? { status: cmd.status } : {}), message: cmd.message }) });
        return;
      }
      const why = incident?.status === 'resolved' ? 'This incident is resolved. ' : '';
      await ctx.reply(why + whichIncident(open, cmd.kind));
      return;
    }
    switch (cmd.kind) {
      case 'update': {
        if (!cmd.status || !cmd.message) {
          await ctx.ack();
          await ctx.client.views.open({ trigger_id: ctx.triggerId, view: updateModal({ incident, ...(cmd.status ? { status: cmd.status } : {}), message: cmd.message }) });
          return;
        }
        const r = await postUpdate(deps, incident.id, { status: cmd.status, message: cmd.message, by: ctx.userId }, key);
        await ctx.reply(outcomeReply(r, `Update posted here, in #${deps.announcements} and on the GitHub issue.`));
        return;
      }
      case 'role': {
        if (!deps.knowsPerson(cmd.userId) && !(await userExists(ctx, cmd.userId))) throw new UserFacingError(`I can't find <@${cmd.userId}>.`);
        const r = await assignRole(deps, incident.id, cmd.role, cmd.userId, ctx.userId, key);
        await ctx.reply(outcomeReply(r, `<@${cmd.userId}> is now ${cmd.role}.`));
        return;
      }
      case 'severity': {
        const r = await changeSeverity(deps, incident.id, cmd.severity, ctx.userId, key);
        await ctx.reply(outcomeReply(r, `Severity is now ${cmd.severity}.`));
        return;
      }
      case 'resolve': {
        if (!mayResolve(incident, ctx.userId, deps.isLead)) {
          throw new UserFacingError(`Only the commander (<@${incident.commander}>) or a lead can resolve this incident.`);
        }
        if (cmd.summary) {
          const r = await resolveIncident(deps, incident.id, cmd.summary, ctx.userId, key);
          await ctx.reply(outcomeReply(r, 'Resolved.'));
          return;
        }
        await ctx.ack();
        await ctx.client.views.open({ trigger_id: ctx.triggerId, view: resolveModal(incident) });
        return;
      }
    }
  };
}

async function userExists(ctx: CommandContext, userId: string): Promise<boolean> {
  try {
    const r = await ctx.client.users.info({ user: userId });
    return r.ok === true;
  } catch {
    return false;
  }
}
