import { escapeMrkdwn } from '../../core/mrkdwn.ts';
import type { AccessRequest } from './access-request.ts';
import { pendingPullRequestChange, type Transition } from './access-request-lifecycle.ts';

/**
 * A pull request attempt failed in a way a retry may fix (GitHub 5xx, network, rate limit): the
 * request says so (message and requester, once) while the outbox retries. Pure.
 */
export function recordPullRequestAttemptFailed(request: AccessRequest, error: string, now: Date): Transition {
  if (!pendingPullRequestChange(request)) return { request, effects: [], changed: false, outcome: 'ignored', message: 'No pull request pending.' };
  const attempts = (request.retrying?.attempts ?? 0) + 1;
  const updated: AccessRequest = { ...request, retrying: { error: error.slice(0, 300), at: now.toISOString(), attempts }, updatedAt: now.toISOString(), version: request.version + 1 };
  const removal = pendingPullRequestChange(request) === 'remove';
  return {
    request: updated,
    changed: true,
    outcome: 'retrying',
    message: `GitHub failed; retrying (${attempts}).`,
    effects: [
      { type: 'update-approval-message', key: `${request.id}:update:${updated.version}`, requestId: request.id },
      ...(attempts === 1
        ? [
            {
              type: 'notify-requester' as const,
              key: `${request.id}:notify-requester:retrying:${removal ? 'remove' : 'add'}`,
              requestId: request.id,
              slackUserId: request.requester.slackUserId,
              text: `GitHub failed while the bot was opening the ${removal ? 'removal ' : ''}pull request for ${escapeMrkdwn(request.memberEmail)} in ${escapeMrkdwn(request.group.name)} (${escapeMrkdwn(error.slice(0, 200))}). It retries automatically; nothing needs doing.`,
            },
          ]
        : []),
      {
        type: 'audit',
        key: `${request.id}:audit:access.pr-attempt-failed:${updated.version}`,
        entry: { at: now, actor: 'system', action: 'access.pr-attempt-failed', subject: `access-request:${request.id}`, payload: { group: request.group.emailId, member: request.memberEmail, error: error.slice(0, 300), attempts } },
      },
    ],
  };
}

/** Once an attempt succeeds, the retry note goes. */
export function withoutRetryNote(transition: Transition): Transition {
  if (!transition.changed || !transition.request.retrying) return transition;
  const { retrying: _gone, ...rest } = transition.request;
  return { ...transition, request: rest };
}
