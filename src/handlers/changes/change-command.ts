import { escapeMrkdwn } from '../../core/mrkdwn.ts';
import { parsePrUrl } from '../../changes/domain/pr-url.ts';
import { listChanges } from '../../changes/use-cases/list-changes.ts';
import { previewPullRequest } from '../../changes/use-cases/preview-pull-request.ts';
import { announceModal, prPreviewText, type AnnounceMetadata } from '../../changes/views/change-modal.ts';
import { changeList } from '../../changes/views/change-messages.ts';
import { UserFacingError, type CommandContext, type SubcommandHandler } from '../../platform/commands/command-router.ts';
import type { ChangeHandlerDeps } from './handler-deps.ts';

const USAGE = 'Use `/k8s-infra change` (opens the form), `/k8s-infra change <pull request link>` (the form, with the PR read) or `/k8s-infra change list`.';

/** `/k8s-infra change [<PR link>|list]`: the form opens at once; a PR is read after, and the form updated. */
export function changeCommand(deps: ChangeHandlerDeps): SubcommandHandler {
  return async (ctx: CommandContext) => {
    const arg = ctx.rest.trim();
    if (arg === 'list') {
      const m = changeList(await listChanges(deps), deps.directory.rules);
      await ctx.reply({ response_type: 'ephemeral', text: m.text, blocks: m.blocks });
      return;
    }
    if (arg === 'help') return void (await ctx.reply(USAGE));
    let pr;
    if (arg) {
      const parsed = parsePrUrl(arg, deps.pullRequestRepos);
      if (!parsed.ok) throw new UserFacingError(`${parsed.reason}\n${USAGE}`);
      pr = parsed.pr;
    }
    const metadata: AnnounceMetadata = { c: ctx.channelId, z: deps.directory.author(ctx.userId).zone };
    const form = { metadata, services: deps.directory.serviceChoices(), sigs: deps.directory.sigChoices(), answersTier: undefined, floor: undefined };
    await ctx.ack();
    const opened = await ctx.client.views.open({ trigger_id: ctx.triggerId, view: announceModal({ ...form, ...(pr ? { prUrl: pr.url, prStatus: `:hourglass: Reading ${escapeMrkdwn(pr.repo)}#${pr.number}…` } : {}) }) });
    const viewId = opened.view?.id;
    if (!pr || !viewId) return;
    const preview = await previewPullRequest(deps, pr);
    const pv = prPreviewText(preview.ok ? { url: pr.url, ...preview } : { url: pr.url, error: preview.error });
    const next = { ...metadata, pr: pr.url, ...(preview.ok ? { pt: preview.pathTier } : {}), pv };
    const floor = preview.ok ? preview.pathTier : undefined;
    await ctx.client.views.update({ view_id: viewId, view: announceModal({ ...form, metadata: next, floor, answersTier: undefined }) }).catch((err: unknown) => {
      // The person may have submitted or closed the form meanwhile.
      ctx.log.info({ err: err instanceof Error ? err.message : String(err) }, 'could not update the change form with the PR preview');
    });
  };
}
