import type { KnownBlock } from '@slack/types';
import type { AccessRequest, AccessRequestStatus } from '../domain/access-request.ts';
import { ACCESS_IDS } from '../ids.ts';
import { escapeMrkdwn } from '../../core/mrkdwn.ts';
import { actions, clip, context, mrkdwn, section, SLACK_LIMITS } from '../../platform/slack/blocks.ts';

export interface AccessMessage {
  text: string;
  blocks: KnownBlock[];
}

const STATUS_LINE: Record<AccessRequestStatus, string> = {
  pending: ':hourglass_flowing_sand: Waiting for approval',
  approved: ':white_check_mark: Approved — preparing the pull request',
  pr_opened: ':arrows_counterclockwise: Pull request open, waiting for merge',
  fulfilled: ':tada: Granted',
  closed: ':no_entry_sign: Pull request closed without merging',
  denied: ':x: Denied',
  cancelled: ':leftwards_arrow_with_hook: Withdrawn by the requester',
  failed: ':warning: Could not prepare the pull request',
  expiring: ':alarm_clock: Expired — preparing the removal pull request',
  removal_pr_opened: ':alarm_clock: Expired — removal pull request open',
  expired: ':lock: Access ended',
  extended: ':arrows_clockwise: Extended by a later request',
};

/** Plain text (for `text` fallbacks and plain_text elements); escape it before it reaches mrkdwn. */
export function requestSummary(request: AccessRequest): string {
  return `${request.memberEmail} → ${request.group.name}${request.until ? ` until ${request.until}` : ' (permanent)'}`;
}

/** A link whose URL came from GitHub: escaped, so a `|` or `>` in it cannot retarget it. */
function link(url: string, label: string): string {
  return `<${escapeMrkdwn(url)}|${escapeMrkdwn(label)}>`;
}

/**
 * The approval message (channel and approvers' DMs): who asks for what and why, who may approve,
 * progress, and Approve / Deny while it is pending. `approverMentions` maps GitHub handles to
 * `<@U…>` where the person is known.
 */
export function accessRequestMessage(request: AccessRequest, approverMentions: ReadonlyMap<string, string> = new Map()): AccessMessage {
  // Handles come from OWNERS files: third-party text, escaped like any other.
  const who = (handle: string) => approverMentions.get(handle.toLowerCase()) ?? `@${escapeMrkdwn(handle)}`;
  const approvers = request.approversAtRequest.slice(0, 15).map(who).join(', ') + (request.approversAtRequest.length > 15 ? ', …' : '');
  const fields = [
    `*Group*\n\`${escapeMrkdwn(request.group.emailId)}\``,
    `*Member*\n${escapeMrkdwn(request.memberEmail)}`,
    `*Requested by*\n<@${request.requester.slackUserId}>`,
    `*Duration*\n${request.until ? `until ${request.until} (inclusive)` : 'permanent'}`,
  ].map((f) => mrkdwn(f, SLACK_LIMITS.fieldText));
  const progress =
    request.approvals.length > 0
      ? `Approved by ${request.approvals.map((a) => `<@${a.slackUserId}>`).join(', ')} (${request.approvals.length}/${request.requiredApprovals})`
      : `Needs ${request.requiredApprovals === 2 ? 'two distinct approvers' : 'one approver'}`;
  const blocks: KnownBlock[] = [
    section(`*Access request* — ${STATUS_LINE[request.status]}`),
    // Fields only, no text: the section builder always sets one.
    { type: 'section', fields },
    section(`*Justification*\n${clip(escapeMrkdwn(request.justification), 2900)}`),
    context(`${progress}. Approvers (${escapeMrkdwn(request.group.file)}): ${approvers || 'none found'}`),
  ];
  const notes: string[] = [];
  if (request.pullRequest) notes.push(`Pull request: ${link(request.pullRequest.url, `#${request.pullRequest.number}`)}`);
  if (request.removalPullRequest) notes.push(`Removal pull request: ${link(request.removalPullRequest.url, `#${request.removalPullRequest.number}`)}`);
  if (request.denial) notes.push(`Denied by <@${request.denial.slackUserId}>: ${escapeMrkdwn(request.denial.reason)}`);
  if (request.failure) notes.push(`:warning: ${escapeMrkdwn(request.failure.reason)}. Nothing was opened; make the change by hand.`);
  if (request.retrying) notes.push(`:warning: GitHub failed (${escapeMrkdwn(request.retrying.error)}); retrying automatically (attempt ${request.retrying.attempts}).`);
  if (notes.length > 0) blocks.push(section(notes.join('\n')));
  if (request.status === 'pending') {
    // Buttons by hand: the button builder adds `emoji: true`, which would change messages already posted.
    blocks.push(
      actions(`${ACCESS_IDS.blocks.decide}${request.id}`, [
        { type: 'button', action_id: ACCESS_IDS.actions.approve, text: { type: 'plain_text', text: 'Approve' }, style: 'primary', value: request.id },
        { type: 'button', action_id: ACCESS_IDS.actions.deny, text: { type: 'plain_text', text: 'Deny' }, style: 'danger', value: request.id },
        // Only the requester may; anyone else who clicks is told so (and it is audited).
        { type: 'button', action_id: ACCESS_IDS.actions.cancel, text: { type: 'plain_text', text: 'Withdraw (requester)' }, value: request.id },
      ]),
    );
  }
  return { text: `Access request: ${escapeMrkdwn(requestSummary(request))} — ${STATUS_LINE[request.status].replace(/^:[a-z_]+: /, '')}`, blocks };
}

/** `/k8s-infra access list`: the person's own requests and what waits on them. */
export function accessListReply(args: { mine: readonly AccessRequest[]; waiting: readonly AccessRequest[] }): { response_type: 'ephemeral'; text: string; blocks: KnownBlock[] } {
  const line = (r: AccessRequest) => {
    const pr = r.pullRequest ? ` ${link(r.pullRequest.url, `#${r.pullRequest.number}`)}` : '';
    return `• ${escapeMrkdwn(requestSummary(r))} — ${STATUS_LINE[r.status].replace(/^:[a-z_]+: /, '')}${pr}`;
  };
  const blocks: KnownBlock[] = [section(`*Your access requests*\n${args.mine.length ? args.mine.slice(0, 20).map(line).join('\n') : '_None yet. `/k8s-infra access` asks for one._'}`)];
  if (args.waiting.length > 0) {
    const waiting = args.waiting.slice(0, 20).map((r) => `${line(r)} (from <@${r.requester.slackUserId}>)`);
    blocks.push(section(`*Waiting for your approval*\n${waiting.join('\n')}`));
  }
  return { response_type: 'ephemeral', text: `${args.mine.length} request(s) of yours, ${args.waiting.length} waiting for you`, blocks };
}
