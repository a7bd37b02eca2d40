import type { OnCallDeps } from '../../platform/app-deps.ts';
import type { Incident } from '../../incidents/domain/incident.ts';
import { parseIncidentCommand } from '../../incidents/domain/parse-incident-command.ts';
import { incidentList } from '../../incidents/views/incident-messages.ts';
import { declareModal, resolveModal, updateModal } from '../../incidents/views/incident-modals.ts';
import { UserFacingError, type CommandContext, type SubcommandHandler } from '../../platform/commands/command-router.ts';
import type { IncidentService, TransitionOutcome } from '../../incidents/incident-service.ts';

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

export function incidentCommand(deps: OnCallDeps, service: IncidentService): SubcommandHandler {
  return async (ctx: CommandContext) => {
    const cmd = parseIncidentCommand(ctx.rest);
    if (cmd.kind === 'error') throw new UserFacingError(cmd.message);
    if (cmd.kind === 'declare') {
      await ctx.ack();
      await ctx.client.views.open({ trigger_id: ctx.triggerId, view: declareModal({ declarer: ctx.userId, services: service.serviceChoices(), channelId: ctx.channelId }) as never });
      return;
    }
    if (cmd.kind === 'list') {
      const open = await service.repo.listOpen();
      const m = incidentList(open, ctx.now);
      await ctx.reply({ response_type: 'ephemeral', text: m.text, blocks: m.blocks as never });
      return;
    }
    const incident = await service.repo.byChannel(ctx.channelId);
    const key = `incident-cmd:${ctx.triggerId}`;
    if (!incident || incident.status === 'resolved') {
      const open = await service.repo.listOpen();
      if (cmd.kind === 'update' && open.length > 0) {
        // Outside an incident channel: ask which incident in the form.
        await ctx.ack();
        await ctx.client.views.open({ trigger_id: ctx.triggerId, view: updateModal({ open, ...(cmd.status ? { status: cmd.status } : {}), message: cmd.message }) as never });
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
          await ctx.client.views.open({ trigger_id: ctx.triggerId, view: updateModal({ incident, ...(cmd.status ? { status: cmd.status } : {}), message: cmd.message }) as never });
          return;
        }
        const r = await service.update(incident.id, { status: cmd.status, message: cmd.message, by: ctx.userId }, key);
        await ctx.reply(outcomeReply(r, `Update posted here, in #${deps.config.channels.announcements.name} and on the GitHub issue.`));
        return;
      }
      case 'role': {
        if (!deps.people.bySlackId(cmd.userId) && !(await userExists(ctx, cmd.userId))) throw new UserFacingError(`I can't find <@${cmd.userId}>.`);
        const r = await service.setRole(incident.id, cmd.role, cmd.userId, ctx.userId, key);
        await ctx.reply(outcomeReply(r, `<@${cmd.userId}> is now ${cmd.role}.`));
        return;
      }
      case 'severity': {
        const r = await service.setSeverity(incident.id, cmd.severity, ctx.userId, key);
        await ctx.reply(outcomeReply(r, `Severity is now ${cmd.severity}.`));
        return;
      }
      case 'resolve': {
        if (!service.mayResolve(incident, ctx.userId)) {
          throw new UserFacingError(`Only the commander (<@${incident.commander}>) or a lead can resolve this incident.`);
        }
        if (cmd.summary) {
          const r = await service.resolve(incident.id, cmd.summary, ctx.userId, key);
          await ctx.reply(outcomeReply(r, 'Resolved.'));
          return;
        }
        await ctx.ack();
        await ctx.client.views.open({ trigger_id: ctx.triggerId, view: resolveModal(incident) as never });
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
