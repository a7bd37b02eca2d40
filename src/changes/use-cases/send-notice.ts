import { noticeSent } from '../domain/consensus-steps.ts';
import { noticeFor } from '../domain/notice-text.ts';
import { applyStep } from './apply-step.ts';
import type { ChangeDeps } from './change-deps.ts';

export type SendNoticeDeps = Pick<ChangeDeps, 'changes' | 'clock' | 'directory' | 'mailer' | 'noticeFrom'>;

/**
 * Sends the kubernetes-dev@ notice through the SMTP relay. At least once: a crash after the
 * relay accepted it sends it again, with the same Message-ID, which the list's archive recognises.
 */
export async function sendNotice(deps: SendNoticeDeps, changeId: string): Promise<void> {
  if (!deps.mailer) return;
  const current = await deps.changes.get(changeId);
  const lazy = current?.change.lazy;
  if (!current || !lazy?.issue || !lazy.deadline || lazy.noticeSentAt) return;
  const { change } = current;
  const { rules } = deps.directory;
  const notice = noticeFor(change, {
    to: rules.notice.to,
    serviceNames: change.services.map((s) => deps.directory.serviceName(s)),
    sigNames: change.sigs.map((s) => deps.directory.sigName(s)),
    issueUrl: lazy.issue.url,
    deadline: lazy.deadline,
  });
  await deps.mailer.send({ to: notice.to, from: deps.noticeFrom, subject: notice.subject, text: notice.text, messageId: `<${change.id}.notice@k8s-infra-bot>` });
  await applyStep(deps, changeId, (c) => noticeSent(c.change, deps.clock.now(), rules));
}
