import type { BlockAction, ViewSubmitAction } from '@slack/bolt';
import type { SlackListeners } from '../../platform/slack/listener-table.ts';
import { escapeMrkdwn } from '../../core/mrkdwn.ts';
import { checkAnnouncement, tierFloor, type AnnouncementErrors } from '../../changes/domain/announce.ts';
import { parsePrUrl } from '../../changes/domain/pr-url.ts';
import { tierFromAnswers } from '../../changes/domain/tier.ts';
import { CHANGE_BLOCKS as B, CHANGES_IDS } from '../../changes/ids.ts';
import { announceChange } from '../../changes/use-cases/announce-change.ts';
import { checkPullRequest } from '../../changes/use-cases/check-pull-request.ts';
import { earliestDeadline } from '../../changes/use-cases/deadline-for.ts';
import { previewPullRequest } from '../../changes/use-cases/preview-pull-request.ts';
import { announceMetadata, announceModal, prPreviewText, QUESTION_BLOCK, tierBlockId, type AnnounceMetadata } from '../../changes/views/change-modal.ts';
import { readMetadata } from '../../platform/slack/private-metadata.ts';
import type { ViewValues } from '../../platform/slack/view-values.ts';
import { readAnnouncement } from './read-announcement.ts';
import type { ChangeHandlerDeps } from './handler-deps.ts';

const A = CHANGES_IDS.actions;
const DISPATCHING = [A.pr, A.workflows, A.rollbackEase, A.reach];

/** The error keys of the domain's checks, as the form's block ids. */
function formErrors(errors: AnnouncementErrors, values: ViewValues): Record<string, string> {
  const tierBlock = Object.keys(values).find((k) => k.startsWith(CHANGES_IDS.blocks.tierPrefix)) ?? tierBlockId(undefined);
  const map: Record<keyof AnnouncementErrors, string> = {
    title: B.title,
    description: B.description,
    rollback: B.rollback,
    window: B.windowDate,
    tier: tierBlock,
    workflows: QUESTION_BLOCK.workflows,
    rollbackEase: QUESTION_BLOCK.rollback,
    reach: QUESTION_BLOCK.reach,
  };
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [map[k as keyof AnnouncementErrors], v]));
}

function formOf(deps: ChangeHandlerDeps, metadata: AnnounceMetadata, values: ViewValues) {
  const answers = {
    workflows: values[B.workflows]?.[A.workflows]?.selected_option?.value,
    rollback: values[B.rollbackEase]?.[A.rollbackEase]?.selected_option?.value,
    reach: values[B.reach]?.[A.reach]?.selected_option?.value,
  };
  const answered = tierFromAnswers(answers)?.tier;
  return { metadata, services: deps.directory.serviceChoices(), sigs: deps.directory.sigChoices(), answersTier: answered, floor: tierFloor({ answers, pathTier: metadata.pt }) ?? metadata.pt };
}

/**
 * The change form: answering a question shows the tier; pressing Enter in the PR field reads
 * the PR (the form updates when it is read). On submit, every problem is shown on its field; a
 * good form closes at once and the change is announced after.
 */
export function registerAnnounceForm(app: SlackListeners, deps: ChangeHandlerDeps): void {
  for (const actionId of DISPATCHING) {
    app.action<BlockAction>({ action_id: actionId }, async ({ ack, body, client }) => {
      await ack();
      const view = body.view;
      const metadata = readMetadata(announceMetadata, view?.private_metadata);
      if (!view || !metadata) return;
      const values = view.state.values as ViewValues;
      let next = metadata;
      if (actionId === A.pr) {
        const text = (values[B.pr]?.[A.pr]?.value ?? '').trim();
        const parsed = text ? parsePrUrl(text, deps.pullRequestRepos) : undefined;
        if (!parsed) next = { c: metadata.c, z: metadata.z };
        else if (!parsed.ok) next = { c: metadata.c, z: metadata.z, pv: `:warning: ${escapeMrkdwn(parsed.reason)}` };
        else {
          const preview = await previewPullRequest(deps, parsed.pr);
          const pv = prPreviewText(preview.ok ? { url: parsed.pr.url, ...preview } : { url: parsed.pr.url, error: preview.error });
          next = { c: metadata.c, z: metadata.z, pr: text, ...(preview.ok ? { pt: preview.pathTier } : {}), pv };
        }
      }
      await client.views.update({ view_id: view.id, view: announceModal(formOf(deps, next, values)) }).catch((err: unknown) => {
        deps.log.info({ err: err instanceof Error ? err.message : String(err) }, 'could not update the change form');
      });
    });
  }
  // The tier choice and the rest need no round trip; Slack still sends nothing for them.

  app.view<ViewSubmitAction>(CHANGES_IDS.callbacks.announce, async ({ ack, view, body, client }) => {
    const metadata = readMetadata(announceMetadata, view.private_metadata);
    if (!metadata) return void (await ack({ response_action: 'errors', errors: { [B.title]: 'This form is from another version of the bot: close it and run /k8s-infra change again.' } }));
    const values = view.state.values as ViewValues;
    const known = { services: new Set(deps.directory.serviceChoices().map((s) => s.id)), sigs: new Set(deps.directory.sigChoices().map((s) => s.id)) };
    const read = readAnnouncement(values, metadata, known);
    const now = deps.clock.now();
    const errors: Record<string, string> = formErrors(
      checkAnnouncement(read.announcement, {
        now,
        mediumNeedsLazyConsensus: deps.directory.rules.mediumNeedsLazyConsensus,
        earliestDeadline: (tier) => earliestDeadline(deps.directory, read.announcement.services, tier, now),
      }),
      values,
    );
    if (read.windowProblem) errors[B.windowDate] = read.windowProblem;
    let announcement = read.announcement;
    if (read.prText) {
      const parsed = parsePrUrl(read.prText, deps.pullRequestRepos);
      if (!parsed.ok) errors[B.pr] = parsed.reason;
      else {
        announcement = { ...announcement, pr: parsed.pr };
        if (!errors[B.pr] && Object.keys(errors).length === 0) {
          const exists = metadata.pr === read.prText && metadata.pt ? 'exists' : await checkPullRequest(deps, parsed.pr, deps.prCheckMs);
          if (exists === 'not-found') errors[B.pr] = `There is no pull request #${parsed.pr.number} in ${parsed.pr.repo}.`;
        }
      }
    }
    if (Object.keys(errors).length) return void (await ack({ response_action: 'errors', errors }));
    await ack();
    try {
      const r = await announceChange(deps, announcement, body.user.id, `change-announce:${view.id}`);
      if (!r.ok) throw new Error(r.reason);
      if (r.created) {
        await client.chat
          .postEphemeral({ channel: metadata.c, user: body.user.id, text: `:white_check_mark: Your ${r.change.tier}-risk change \`${r.change.id}\` is announced in #${deps.directory.rules.channel}; its reviewers are being asked.` })
          .catch(() => undefined);
      }
    } catch (err) {
      deps.log.error({ err }, 'announcing a change failed');
      await client.chat
        .postEphemeral({ channel: metadata.c, user: body.user.id, text: 'Your change was NOT announced: the bot could not save it (the error was logged). Please try again.' })
        .catch(() => undefined);
    }
  });
}
