import type { Incident } from '../../incidents/domain/incident.ts';
import { tooLong } from '../../incidents/domain/incident-lifecycle.ts';
import type { IncidentAction } from '../../incidents/domain/incident-policy.ts';
import { parseIncidentCommand } from '../../incidents/domain/parse-incident-command.ts';
import { INCIDENT_TEXT_LIMITS } from '../../incidents/domain/user-text.ts';
import type { IncidentDirectory } from '../../incidents/incident-directory.ts';
import type { TransitionOutcome } from '../../incidents/use-cases/apply-transition.ts';
import { assignRole, type AssignRoleDeps } from '../../incidents/use-cases/assign-role.ts';
import { authoriseIncidentAction, recordRefusal, type AuthoriseDeps } from '../../incidents/use-cases/authorise-incident-action.ts';
import { changeSeverity, type ChangeSeverityDeps } from '../../incidents/use-cases/change-severity.ts';
import { incidentOfChannel, listOpenIncidents, type ListIncidentsDeps } from '../../incidents/use-cases/list-incidents.ts';
import { postUpdate, type PostUpdateDeps } from '../../incidents/use-cases/post-update.ts';
import { resolveIncident, type ResolveIncidentDeps } from '../../incidents/use-cases/resolve-incident.ts';
import { incidentList } from '../../incidents/views/incident-messages.ts';
import { declareModal, resolveModal, updateModal } from '../../incidents/views/incident-modals.ts';
import { escapeInline } from '../../core/mrkdwn.ts';
import { UserFacingError, type CommandContext, type SubcommandHandler } from '../../platform/commands/command-router.ts';

export type IncidentCommandDeps = PostUpdateDeps &
  AssignRoleDeps &
  ChangeSeverityDeps &
  ResolveIncidentDeps &
  ListIncidentsDeps &
  AuthoriseDeps & {
    directory: Pick<IncidentDirectory, 'serviceChoices' | 'actor'>;
    /** A person in the config (their Slack id); others are looked up in Slack. */
    knowsPerson(slackId: string): boolean;
  };

/** Run outside an incident channel: say which incidents are open and where to run it. */
function whichIncident(open: Incident[], verb: string): string {
  if (open.length === 0) return 'There are no open incidents.';
  const lines = open.map((i) => `• *${i.severity}* ${escapeInline(i.title)}: ${i.channelId ? `<#${i.channelId}>` : `#${i.channelName ?? '(being created)'}`}`);
  return [`Run \`/k8s-infra incident ${verb}\` in the incident's channel. Open incidents:`, ...lines].join('\n');
}

/**
 * `/k8s-infra incident declare|update|role|severity|resolve|list`: forms open at once, changes
 * answer inline. Who may change what is the incident policy's, asked before anything changes
 * (and again by the use case on the incident as it is written); a refusal is told to the person
 * only, and audited.
 */
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
        // Outside an incident channel: ask which incident in the form (the policy is asked on submission).
        await ctx.ack();
        await ctx.client.views.open({ trigger_id: ctx.triggerId, view: updateModal({ open, ...(cmd.status ? { status: cmd.status } : {}), message: cmd.message }) });
        return;
      }
      const why = incident?.status === 'resolved' ? 'This incident is resolved. ' : '';
      await ctx.reply(why + whichIncident(open, cmd.kind));
      return;
    }
    const actor = deps.directory.actor(ctx.userId, incident);
    /** True when refused (and the person told). */
    const refused = async (action: IncidentAction): Promise<boolean> => {
      const a = await authoriseIncidentAction(deps, incident, actor, action);
      if (a.allowed) return false;
      await ctx.reply(`:no_entry: ${a.reason}`);
      return true;
    };
    const render = async (r: TransitionOutcome, done: string) => {
      if (r.ok) return ctx.reply(done);
      if (r.duplicate) return ctx.reply('Already recorded.');
      if (r.refused) {
        await recordRefusal(deps, incident.id, actor, r.refused, r.reason);
        return ctx.reply(`:no_entry: ${r.reason}`);
      }
      throw new UserFacingError(r.reason);
    };
    switch (cmd.kind) {
      case 'update': {
        if (await refused('update')) return;
        // Too long to post as typed: the form opens with what fits, and says the limit.
        if (!cmd.status || !cmd.message || tooLong('An update', cmd.message, INCIDENT_TEXT_LIMITS.update)) {
          await ctx.ack();
          await ctx.client.views.open({ trigger_id: ctx.triggerId, view: updateModal({ incident, ...(cmd.status ? { status: cmd.status } : {}), message: cmd.message }) });
          return;
        }
        const r = await postUpdate(deps, incident.id, { status: cmd.status, message: cmd.message, by: actor }, key);
        await render(r, `Update saved: it is being posted here, in #${deps.announcements} and on the GitHub issue.`);
        return;
      }
      case 'role': {
        if (await refused('assign-role')) return;
        if (!deps.knowsPerson(cmd.userId) && !(await userExists(ctx, cmd.userId))) throw new UserFacingError(`I can't find <@${cmd.userId}>.`);
        const r = await assignRole(deps, incident.id, cmd.role, cmd.userId, actor, key);
        await render(r, `<@${cmd.userId}> is now ${cmd.role}.`);
        return;
      }
      case 'severity': {
        if (await refused('change-severity')) return;
        const r = await changeSeverity(deps, incident.id, cmd.severity, actor, key);
        await render(r, `Severity is now ${cmd.severity}.`);
        return;
      }
      case 'resolve': {
        if (await refused('resolve')) return;
        if (cmd.summary && !tooLong('A resolution summary', cmd.summary, INCIDENT_TEXT_LIMITS.resolution)) {
          const r = await resolveIncident(deps, incident.id, cmd.summary, actor, key);
          await render(r, 'Resolved.');
          return;
        }
        await ctx.ack();
        await ctx.client.views.open({ trigger_id: ctx.triggerId, view: resolveModal(incident, cmd.summary || undefined) });
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
