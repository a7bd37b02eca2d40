import type { Clock } from '../../core/clock.ts';
import type { Notifier, PostedMessage } from '../../core/notifier.ts';
import type { AccessEffect } from '../domain/access-request.ts';
import { attachApproverCopy, attachSlackThread } from '../domain/access-request-lifecycle.ts';
import type { AccessPeople } from '../ports/access-people.ts';
import type { AccessRequests } from '../ports/access-requests.ts';
import type { AuditSink } from '../ports/audit-sink.ts';
import type { HomeRefresher } from '../../platform/home/home-contract.ts';
import type { Once } from '../../platform/outbox/commit-transition.ts';
import { accessRequestMessage } from '../views/access-request-message.ts';
import { expiryReminderMessage } from '../views/expiry-reminder-message.ts';
import { changeRequest } from './change-request.ts';

/** The effects carried out after commit, by the outbox job: Slack messages and the Cloud Logging copy of the audit trail. */
export type DeliveryEffect = Exclude<AccessEffect, { type: 'open-pr' } | { type: 'prepare-removal' } | { type: 'supersede' } | { type: 'schedule' } | { type: 'cancel-scheduled' }>;

export interface DeliverAccessEffectsDeps {
  requests: AccessRequests;
  notifier: Notifier;
  people: AccessPeople;
  /** Undefined when `access.cloudLogging` is not set. */
  auditSink: () => AuditSink | undefined;
  once: Once;
  clock: Clock;
  home: HomeRefresher;
}

/**
 * The outbox job: each effect at most once (on its key, in processed keys), in order; a failure
 * throws, and the retried job skips what was done. Every DM is also once per person, so a
 * retry half-way through a list of approvers does not message the first ones again.
 */
export async function deliverAccessEffects(deps: DeliverAccessEffectsDeps, requestId: string, effects: readonly DeliveryEffect[]): Promise<void> {
  for (const e of effects) await deps.once(`access-effect:${e.key}`, () => deliver(deps, requestId, e));
  // The change committed before this job ran: the requester's and the approvers' Home tabs show it.
  const request = await deps.requests.get(requestId);
  if (request) deps.home.refresh([request.requester.slackUserId, ...deps.people.slackUsersFor(request.approversAtRequest)]);
}

async function deliver(deps: DeliverAccessEffectsDeps, requestId: string, e: DeliveryEffect): Promise<void> {
  switch (e.type) {
    case 'audit': {
      const sink = deps.auditSink();
      if (sink) await sink.record({ ...e.entry, at: new Date(e.entry.at) }, { key: e.key });
      return;
    }
    case 'notify-requester':
      await dmOnce(deps, e.key, e.slackUserId, e.text);
      return;
    case 'notify-approvers':
      for (const user of deps.people.slackUsersFor(e.approvers)) await dmOnce(deps, e.key, user, e.text);
      return;
    case 'notify-expiry': {
      const request = await deps.requests.get(requestId);
      if (!request) return;
      const message = expiryReminderMessage(request, e.days);
      const people = [request.requester.slackUserId, ...deps.people.slackUsersFor(e.approvers)];
      for (const user of [...new Set(people)]) await dmOnce(deps, e.key, user, message.text, message.blocks);
      return;
    }
    case 'post-approval-request':
      return postApprovalRequest(deps, requestId, e);
    case 'update-approval-message':
      return updateApprovalMessage(deps, requestId);
  }
}

async function dmOnce(deps: DeliverAccessEffectsDeps, key: string, userId: string, text: string, blocks?: unknown[]): Promise<PostedMessage | undefined> {
  const delivery = `access-effect:${key}:dm:${userId}`;
  let posted: PostedMessage | undefined;
  await deps.once(delivery, async () => {
    // Keyed: a retry after a crash between the DM and the processed key finds the DM instead of sending it twice.
    posted = await deps.notifier.dm(userId, { text, ...(blocks ? { blocks } : {}) }, { key: delivery, checkFirst: true });
  });
  return posted;
}

/** Posts the approval message once (recording its thread), then DMs each approver but the requester. */
async function postApprovalRequest(deps: DeliverAccessEffectsDeps, requestId: string, e: Extract<DeliveryEffect, { type: 'post-approval-request' }>): Promise<void> {
  let request = await deps.requests.get(requestId);
  if (!request) return;
  if (!request.slackThread) {
    // Keyed: a retried job (the post made, its answer lost) finds the message instead of posting a second one.
    const posted = await deps.notifier.post(e.channel, accessRequestMessage(request, deps.people.mentions()), { key: `access-effect:${e.key}:post`, checkFirst: true });
    const permalink = await deps.notifier.permalink(posted);
    const thread = { channel: posted.channel, ts: posted.ts, ...(permalink ? { permalink } : {}) };
    const t = await changeRequest(deps.requests, requestId, (r) => attachSlackThread(r, thread, deps.clock.now()));
    request = t?.request ?? request;
    // Anything that changed while the message was being posted found no thread to update: show it now.
    await updateApprovalMessage(deps, requestId);
  }
  const link = request.slackThread?.permalink ? ` (<${request.slackThread.permalink}|thread>)` : '';
  const dm = accessRequestMessage(request, deps.people.mentions());
  for (const user of deps.people.slackUsersFor(e.approvers)) {
    if (user === request.requester.slackUserId) continue;
    const copy = await dmOnce(deps, e.key, user, `You can approve this access request${link}: ${dm.text}`, dm.blocks);
    if (copy) await changeRequest(deps.requests, requestId, (r) => attachApproverCopy(r, copy, deps.clock.now()));
  }
  // A decision taken while the DMs went out found no copy to update: show the latest state now.
  if (request.status !== 'pending') await updateApprovalMessage(deps, requestId);
}

async function updateApprovalMessage(deps: DeliverAccessEffectsDeps, requestId: string): Promise<void> {
  const request = await deps.requests.get(requestId);
  // Not posted yet: the post renders the latest state after recording its thread.
  if (!request?.slackThread) return;
  const message = accessRequestMessage(request, deps.people.mentions());
  await deps.notifier.update({ channel: request.slackThread.channel, ts: request.slackThread.ts }, message);
  // The approvers' DM copies follow, so nobody is left with buttons for a request already decided.
  for (const copy of request.approverCopies ?? []) await deps.notifier.update(copy, message);
}
