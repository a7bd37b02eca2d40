import type { OnCallDeps } from '../../platform/app-deps.ts';
import { SEVERITIES, type Severity } from '../../escalation/domain/directory.ts';
import { pageListReply } from '../../escalation/views/paging-list.ts';
import { pageModal, validatePageInput, PAGE_MODAL_BLOCKS } from '../../escalation/views/paging-modal.ts';
import { UserFacingError, type CommandContext } from '../../platform/commands/command-router.ts';
import type { PageService } from '../../escalation/page-service.ts';
import { resolveSubproject } from '../../core/resolve-subproject.ts';

/** `severity=warning` (or `sev=`) at the start of the summary picks the severity; default error. */
export function splitSeverity(text: string): { severity: Severity; summary: string } {
  const m = /^(?:severity|sev)=(\S+)\s*/i.exec(text);
  if (!m) return { severity: 'error', summary: text };
  const wanted = m[1]!.toLowerCase();
  if (!(SEVERITIES as readonly string[]).includes(wanted)) throw new UserFacingError(`Unknown severity \`${m[1]}\`: use one of ${SEVERITIES.join(', ')}.`);
  return { severity: wanted as Severity, summary: text.slice(m[0].length) };
}

/** `/k8s-infra page <subproject|service> [summary]` and `/k8s-infra page list`. */
export function pageCommand(deps: OnCallDeps, service: PageService) {
  return async (ctx: CommandContext): Promise<void> => {
    const target = ctx.args[0];
    if (!target) throw new UserFacingError('Usage: `/k8s-infra page <subproject|service> [summary]`, e.g. `/k8s-infra page registry image pulls failing in eu`, or `/k8s-infra page list`.');
    if (target.toLowerCase() === 'list') {
      const open = await service.openPages();
      await ctx.reply(pageListReply(open, (id) => deps.people.mention(id)));
      return;
    }
    const found = resolveSubproject(deps.config, target);
    if (found.kind === 'unknown') {
      throw new UserFacingError(`I don't know the subproject or service \`${found.typed}\`.${found.suggestion ? ` Did you mean \`${found.suggestion}\`?` : ''} Subprojects: ${deps.config.subprojects.map((s) => `\`${s.id}\``).join(', ')}.`);
    }
    const subproject = deps.config.subprojects.find((s) => s.id === found.subprojectId)!;
    const rest = ctx.rest.trim().slice(target.length).trim();
    if (rest === '') {
      await ctx.ack();
      await ctx.client.views.open({ trigger_id: ctx.triggerId, view: pageModal({ subprojectId: subproject.id, channelId: ctx.channelId }, subproject.name) });
      return;
    }
    const { severity, summary } = splitSeverity(rest);
    const errors = validatePageInput(summary, '');
    const problem = errors[PAGE_MODAL_BLOCKS.summary];
    if (problem) throw new UserFacingError(problem);
    // Ack first: creating the page is a database write; Slack and PagerDuty work runs as jobs.
    await ctx.ack();
    const person = deps.people.bySlackId(ctx.userId)?.id ?? ctx.userId;
    const { page, created } = await service.raise({ subprojectId: subproject.id, severity, summary, createdBy: person, key: `command:${ctx.triggerId}` }, deps.clock.now());
    await ctx.reply(
      created
        ? `:rotating_light: Paged *${subproject.id}* (page \`${page.id}\`, severity ${severity}); the page is posted in #${subproject.channel}.`
        : `Page \`${page.id}\` was already raised for this request.`,
    );
  };
}
