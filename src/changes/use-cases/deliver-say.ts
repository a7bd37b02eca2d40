import type { Change } from '../domain/change.ts';
import type { Say, Target } from '../domain/intents.ts';
import { mailtoLink, noticeFor } from '../domain/notice-text.ts';
import { decideMessage, noteMessage, noticeMessage, reviewRequestMessage, sharedMessage, windowMessage, type ViewMessage } from '../views/change-messages.ts';
import type { ChangeDeps } from './change-deps.ts';
import { deliveryFailure } from './delivery-errors.ts';

export type DeliverSayDeps = Pick<ChangeDeps, 'changes' | 'notifier' | 'directory' | 'mailer'>;

/** Thrown while the change's own message is not posted yet: its thread does not exist, retry shortly. */
class ThreadNotReady extends Error {}

function render(deps: DeliverSayDeps, change: Change, say: Say, target: Target): ViewMessage | undefined {
  const { rules } = deps.directory;
  switch (say.kind) {
    case 'note':
      return noteMessage(say.text);
    case 'review-request':
      return reviewRequestMessage(change, rules, deps.directory);
    case 'shared':
      return sharedMessage(change, rules, deps.directory);
    case 'decide':
      return decideMessage(change, say.text);
    case 'window':
      return windowMessage(change, say.flags, deps.directory, target.to === 'channel' && target.channel === rules.channel);
    case 'notice': {
      const issue = change.lazy?.issue;
      const deadline = change.lazy?.deadline;
      if (!issue || !deadline) return undefined;
      const ctx = { to: rules.notice.to, serviceNames: change.services.map((s) => deps.directory.serviceName(s)), sigNames: change.sigs.map((s) => deps.directory.sigName(s)), issueUrl: issue.url, deadline };
      const notice = noticeFor(change, ctx);
      return noticeMessage(change, notice, mailtoLink(notice, change, ctx), deps.mailer !== undefined);
    }
  }
}

/** One thing said about a change (in its thread, a channel or a DM), delivered once per key. */
export async function deliverSay(deps: DeliverSayDeps, changeId: string, target: Target, say: Say, deliveryKey: string, attempt: number): Promise<void> {
  const current = await deps.changes.get(changeId);
  if (!current) return;
  const message = render(deps, current.change, say, target);
  if (!message) return;
  const delivery = { key: deliveryKey, checkFirst: attempt > 1 };
  try {
    if (target.to === 'dm') await deps.notifier.dm(target.user, message, delivery);
    else if (target.to === 'channel') await deps.notifier.post(target.channel, message, delivery);
    else {
      const thread = current.change.message;
      if (!thread) throw new ThreadNotReady(`change ${changeId} is not posted yet`);
      await deps.notifier.post(thread.channel, { ...message, threadTs: thread.ts }, delivery);
    }
  } catch (err) {
    if (err instanceof ThreadNotReady) throw err;
    throw deliveryFailure(err, `saying ${say.kind} about change ${changeId}`);
  }
}
