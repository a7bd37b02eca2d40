import type { BlockAction, ViewSubmitAction } from '@slack/bolt';
import type { SlackListeners } from '../../platform/slack/listener-table.ts';
import { mayApprove, mayObject } from '../../changes/domain/review-policy.ts';
import { CHANGE_BLOCKS as B, CHANGES_IDS } from '../../changes/ids.ts';
import { readChange } from '../../changes/use-cases/read-change.ts';
import { reviewChange } from '../../changes/use-cases/review-change.ts';
import { objectMetadata, objectModal } from '../../changes/views/change-modal.ts';
import { readMetadata } from '../../platform/slack/private-metadata.ts';
import { textValue } from '../../platform/slack/view-values.ts';
import { clickedChange } from './action-context.ts';
import type { ChangeHandlerDeps } from './handler-deps.ts';
import { refuse, tell } from './refuse.ts';

const A = CHANGES_IDS.actions;

/** Approve (one click) and Object (a form asking why), in the channel, the SIG channels and DMs. */
export function registerReviewActions(app: SlackListeners, deps: ChangeHandlerDeps): void {
  app.action<BlockAction>({ action_id: A.approve }, async ({ ack, body, respond, client }) => {
    await ack();
    const clicked = clickedChange(body);
    const actor = { user: body.user.id, channel: clicked?.channel, respond, client };
    if (!clicked) return void (await tell(actor, 'This button is from a message the bot no longer knows.'));
    const current = await readChange(deps, clicked.changeId);
    if (!current) return void (await tell(actor, 'There is no such change (it may belong to another bot).'));
    const allowed = mayApprove(current.change, body.user.id, deps.directory.rules, current.reviews);
    if (!allowed.ok) return refuse(deps, actor, 'approve', clicked.changeId, allowed.reason);
    const r = await reviewChange(deps, clicked.changeId, body.user.id, 'approve', '', clicked.key);
    const withdrew = current.reviews.some((x) => x.reviewer === body.user.id && x.verdict === 'object');
    await tell(actor, r.ok ? (withdrew ? ':white_check_mark: Your objection is withdrawn.' : ':white_check_mark: Your approval is recorded.') : r.already ? r.reason : `:no_entry: ${r.reason}`);
  });

  app.action<BlockAction>({ action_id: A.object }, async ({ ack, body, respond, client }) => {
    await ack();
    const clicked = clickedChange(body);
    const actor = { user: body.user.id, channel: clicked?.channel, respond, client };
    if (!clicked) return void (await tell(actor, 'This button is from a message the bot no longer knows.'));
    const current = await readChange(deps, clicked.changeId);
    if (!current) return void (await tell(actor, 'There is no such change (it may belong to another bot).'));
    const allowed = mayObject(current.change, body.user.id, deps.clock.now());
    if (!allowed.ok) return refuse(deps, actor, 'object', clicked.changeId, allowed.reason);
    try {
      await client.views.open({ trigger_id: body.trigger_id, view: objectModal(clicked.changeId, current.change.title, clicked.channel) });
    } catch (err) {
      deps.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'could not open the objection form');
      await tell(actor, 'Slack did not let the bot open the form in time: click Object again.');
    }
  });

  app.view<ViewSubmitAction>(CHANGES_IDS.callbacks.object, async ({ ack, view, body, client }) => {
    const meta = readMetadata(objectMetadata, view.private_metadata);
    const reason = textValue(view.state.values, B.reason, A.reason).trim();
    if (!meta) return void (await ack({ response_action: 'errors', errors: { [B.reason]: 'This form is from another version of the bot: close it and click Object again.' } }));
    if (reason.length < 10) return void (await ack({ response_action: 'errors', errors: { [B.reason]: 'Say why, in a sentence or two: the reviewers weigh it.' } }));
    const current = await readChange(deps, meta.id);
    const allowed = current ? mayObject(current.change, body.user.id, deps.clock.now()) : { ok: false as const, reason: 'There is no such change.' };
    if (!allowed.ok) {
      await refuse(deps, { user: body.user.id, channel: meta.c, client }, 'object', meta.id, allowed.reason).catch(() => undefined);
      return void (await ack({ response_action: 'errors', errors: { [B.reason]: allowed.reason } }));
    }
    await ack();
    const r = await reviewChange(deps, meta.id, body.user.id, 'object', reason, `view:${view.id}`);
    const actor = { user: body.user.id, channel: meta.c, client };
    await tell(actor, r.ok ? ':raised_hand: Your objection is recorded: the change waits until you withdraw it (by approving) or the reviewers decide.' : r.already ? r.reason : `:no_entry: ${r.reason}`).catch(() => undefined);
  });
}
