import type { BlockAction, ViewSubmitAction } from '@slack/bolt';
import type { SlackListeners } from '../../platform/slack/listener-table.ts';
import { checkNoticeUrl } from '../../changes/domain/consensus-steps.ts';
import { mayDecide, mayFinish, mayRecordNotice, mayWithdraw } from '../../changes/domain/review-policy.ts';
import { CHANGE_BLOCKS as B, CHANGES_IDS } from '../../changes/ids.ts';
import { decideChange } from '../../changes/use-cases/decide-change.ts';
import { finishChange } from '../../changes/use-cases/finish-change.ts';
import { readChange } from '../../changes/use-cases/read-change.ts';
import { recordNoticeLink } from '../../changes/use-cases/record-notice-link.ts';
import { withdrawChange } from '../../changes/use-cases/withdraw-change.ts';
import type { StepOutcome } from '../../changes/use-cases/apply-step.ts';
import { noticeLinkModal, noticeMetadata } from '../../changes/views/change-modal.ts';
import { readMetadata } from '../../platform/slack/private-metadata.ts';
import { textValue } from '../../platform/slack/view-values.ts';
import { clickedChange } from './action-context.ts';
import type { ChangeHandlerDeps } from './handler-deps.ts';
import { refuse, tell, type Actor } from './refuse.ts';
import type { Change } from '../../changes/domain/change.ts';
import type { Permission } from '../../changes/domain/review-policy.ts';

const A = CHANGES_IDS.actions;

function answer(r: StepOutcome, done: string): string {
  return r.ok ? done : r.already ? r.reason : `:no_entry: ${r.reason}`;
}

/** A button whose click is checked by `policy`, then done by `act`; the person hears the outcome. */
function onClick(app: SlackListeners, deps: ChangeHandlerDeps, actionId: string, what: string, policy: (change: Change, user: string, now: Date) => Permission, act: (changeId: string, user: string) => Promise<StepOutcome>, done: string): void {
  app.action<BlockAction>({ action_id: actionId }, async ({ ack, body, respond, client }) => {
    await ack();
    const clicked = clickedChange(body);
    const actor: Actor = { user: body.user.id, channel: clicked?.channel, respond, client };
    if (!clicked) return void (await tell(actor, 'This button is from a message the bot no longer knows.'));
    const current = await readChange(deps, clicked.changeId);
    if (!current) return void (await tell(actor, 'There is no such change (it may belong to another bot).'));
    const allowed = policy(current.change, body.user.id, deps.clock.now());
    if (!allowed.ok) return refuse(deps, actor, what, clicked.changeId, allowed.reason);
    await tell(actor, answer(await act(clicked.changeId, body.user.id), done));
  });
}

/** The author's and the leads' buttons: done, rolled back, withdraw, the notice link; the reviewers' decision. */
export function registerAuthorActions(app: SlackListeners, deps: ChangeHandlerDeps): void {
  const rules = deps.directory.rules;
  onClick(app, deps, A.done, 'done', (c, u, now) => mayFinish(c, u, now, rules), (id, u) => finishChange(deps, id, 'done', u), 'Marked done.');
  onClick(app, deps, A.rolledBack, 'rolled-back', (c, u, now) => mayFinish(c, u, now, rules), (id, u) => finishChange(deps, id, 'rolled-back', u), 'Marked rolled back.');
  onClick(app, deps, A.withdraw, 'withdraw', (c, u) => mayWithdraw(c, u, rules), (id, u) => withdrawChange(deps, id, u), 'The change is withdrawn.');
  onClick(app, deps, A.accept, 'accept', (c, u) => mayDecide(c, u, rules), (id, u) => decideChange(deps, id, u, true), 'Recorded: the change goes ahead.');
  onClick(app, deps, A.reject, 'reject', (c, u) => mayDecide(c, u, rules), (id, u) => decideChange(deps, id, u, false), 'Recorded: the change is rejected.');

  // The mailto: button opens the person's mail client; Slack still tells the bot, which has nothing to do.
  app.action<BlockAction>({ action_id: A.sendNotice }, async ({ ack }) => {
    await ack();
  });

  app.action<BlockAction>({ action_id: A.recordNotice }, async ({ ack, body, respond, client }) => {
    await ack();
    const clicked = clickedChange(body);
    const actor: Actor = { user: body.user.id, channel: clicked?.channel, respond, client };
    if (!clicked) return void (await tell(actor, 'This button is from a message the bot no longer knows.'));
    const current = await readChange(deps, clicked.changeId);
    if (!current) return void (await tell(actor, 'There is no such change (it may belong to another bot).'));
    const allowed = mayRecordNotice(current.change, body.user.id, rules);
    if (!allowed.ok) return refuse(deps, actor, 'record-notice', clicked.changeId, allowed.reason);
    try {
      await client.views.open({ trigger_id: body.trigger_id, view: noticeLinkModal(clicked.changeId, rules.notice.archive, clicked.channel) });
    } catch (err) {
      deps.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'could not open the notice form');
      await tell(actor, 'Slack did not let the bot open the form in time: click the button again.');
    }
  });

  app.view<ViewSubmitAction>(CHANGES_IDS.callbacks.notice, async ({ ack, view, body, client }) => {
    const meta = readMetadata(noticeMetadata, view.private_metadata);
    if (!meta) return void (await ack({ response_action: 'errors', errors: { [B.noticeUrl]: 'This form is from another version of the bot: close it and click the button again.' } }));
    const url = textValue(view.state.values, B.noticeUrl, A.noticeUrl).trim();
    const problem = checkNoticeUrl(url, rules);
    if (problem) return void (await ack({ response_action: 'errors', errors: { [B.noticeUrl]: problem } }));
    const current = await readChange(deps, meta.id);
    const allowed = current ? mayRecordNotice(current.change, body.user.id, rules) : { ok: false as const, reason: 'There is no such change.' };
    if (!allowed.ok) {
      await refuse(deps, { user: body.user.id, channel: meta.c, client }, 'record-notice', meta.id, allowed.reason).catch(() => undefined);
      return void (await ack({ response_action: 'errors', errors: { [B.noticeUrl]: allowed.reason } }));
    }
    await ack();
    const r = await recordNoticeLink(deps, meta.id, url, body.user.id);
    await tell({ user: body.user.id, channel: meta.c, client }, answer(r, ':link: The kubernetes-dev@ thread is recorded on the change and its issue.')).catch(() => undefined);
  });
}
