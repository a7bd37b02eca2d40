import { escapeInline } from '../../core/mrkdwn.ts';
import { resolveSubproject } from '../../core/resolve-subproject.ts';
import { parseSeverity, SEVERITIES, type Severity } from '../../escalation/domain/directory.ts';
import type { PageState } from '../../escalation/domain/page-state.ts';
import { PAGING_IDS } from '../../escalation/ids.ts';
import type { PageRequest, PageRequestOutcome } from '../../escalation/use-cases/request-page.ts';
import { pageRequestReply } from '../../escalation/views/page-request-replies.ts';
import { pageListReply } from '../../escalation/views/paging-list.ts';
import { pageModal, validatePageInput } from '../../escalation/views/paging-modal.ts';
import { UserFacingError, type CommandContext } from '../../platform/commands/command-router.ts';
import type { CoreConfig } from '../../platform/config/core-schema.ts';
import type { PeopleDirectory } from '../../platform/config/people-directory.ts';
import { actorFor } from './page-buttons.ts';

export interface PageCommandDeps {
  config: Pick<CoreConfig, 'subprojects' | 'services'>;
  people: Pick<PeopleDirectory, 'bySlackId' | 'mention'>;
  requestPage(request: PageRequest, now: Date): Promise<PageRequestOutcome>;
  listOpenPages(): Promise<PageState[]>;
  channelFor(subprojectId: string): string;
}

/** `severity=warning` (or `sev=`) at the start of the summary picks the severity; default error. */
function splitSeverity(text: string): { severity: Severity; summary: string } {
  const m = /^(?:severity|sev)=(\S+)\s*/i.exec(text);
  if (!m) return { severity: 'error', summary: text };
  const severity = parseSeverity(m[1]!.toLowerCase());
  if (!severity) throw new UserFacingError(`Unknown severity \`${escapeInline(m[1]!.slice(0, 40))}\`: use one of ${SEVERITIES.join(', ')}.`);
  return { severity, summary: text.slice(m[0].length) };
}

/** `/k8s-infra page <subproject|service> [summary]` and `/k8s-infra page list`. */
export function pageCommand(deps: PageCommandDeps) {
  return async (ctx: CommandContext): Promise<void> => {
    const target = ctx.args[0];
    if (!target) throw new UserFacingError('Usage: `/k8s-infra page <subproject|service> [summary]`, e.g. `/k8s-infra page registry image pulls failing in eu`, or `/k8s-infra page list`.');
    if (target.toLowerCase() === 'list') {
      await ctx.reply(pageListReply(await deps.listOpenPages(), (id) => deps.people.mention(id)));
      return;
    }
    const found = resolveSubproject(deps.config, target);
    const subproject = found.kind === 'found' ? deps.config.subprojects.find((s) => s.id === found.subprojectId) : undefined;
    if (!subproject) {
      const suggestion = found.kind === 'unknown' && found.suggestion ? ` Did you mean \`${found.suggestion}\`?` : '';
      throw new UserFacingError(`I don't know the subproject or service \`${escapeInline(target.slice(0, 80))}\`.${suggestion} Subprojects: ${deps.config.subprojects.map((s) => `\`${s.id}\``).join(', ')}.`);
    }
    const rest = ctx.rest.trim().slice(target.length).trim();
    if (rest === '') {
      await ctx.ack();
      await ctx.client.views.open({ trigger_id: ctx.triggerId, view: pageModal({ subprojectId: subproject.id, channelId: ctx.channelId }, subproject.name) });
      return;
    }
    const { severity, summary } = splitSeverity(rest);
    const problem = validatePageInput(summary, '')[PAGING_IDS.blocks.summary];
    if (problem) throw new UserFacingError(problem);
    // Ack first: the page is a database write; Slack and PagerDuty work runs as jobs.
    await ctx.ack();
    const outcome = await deps.requestPage(
      { subprojectId: subproject.id, severity, summary, actor: actorFor(deps.people, ctx.userId), slackId: ctx.userId, key: `command:${ctx.triggerId}` },
      ctx.now,
    );
    await ctx.reply(pageRequestReply(outcome, deps.channelFor(subproject.id), (id) => deps.people.mention(id)));
  };
}
