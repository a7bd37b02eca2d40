import type { AccessRequest } from './access-request.ts';

export type MemberChange = 'add' | 'remove';

export interface PullRequestText {
  title: string;
  body: string;
  commitMessage: string;
}

/** GitHub PR bodies are capped at 65536 characters; stay well inside. */
const MAX_BODY = 60_000;

/**
 * Keeps user text from acting on GitHub: `@someone` would ping, `fixes #123` would close an
 * issue on merge (addresses such as a@b.io are left alone). A zero-width space after `@` and `#` leaves the text readable but inert.
 */
export function neutralizeGithubReferences(text: string): string {
  return text.replace(/(?<![A-Za-z0-9._%+-])@(?=[A-Za-z0-9-])/g, '@\u200b').replace(/#(?=\d)/g, '#\u200b').replace(/\b(GH-)(?=\d)/gi, '$1\u200b');
}

function quote(text: string): string {
  return neutralizeGithubReferences(text.trim())
    .split(/\r?\n/)
    .map((l) => `> ${l}`.trimEnd())
    .join('\n');
}

/** Branch for a request's change: stable, so a retry finds the branch and pull request it made before. */
export function branchForRequest(requestId: string, change: MemberChange): string {
  const safe = requestId.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+|[.-]+$/g, '').replace(/\.{2,}/g, '.').slice(0, 80) || 'request';
  return `k8s-infra-bot/access-${safe}${change === 'remove' ? '-removal' : ''}`;
}

/** Marker in the body so a pull request can be traced to its request even if renamed. */
export function requestMarker(requestId: string, change: MemberChange): string {
  return `<!-- k8s-infra-bot access-request=${requestId} change=${change} -->`;
}

function person(actor: AccessRequest['requester']): string {
  const name = actor.name ? neutralizeGithubReferences(actor.name) : undefined;
  if (actor.github) return name ? `${name} (@${actor.github})` : `@${actor.github}`;
  return name ?? `Slack user ${actor.slackUserId}`;
}

/**
 * Title, body and commit message of the pull request for a request: who asked, why, who approved
 * in Slack, which OWNERS approvers must `/approve`, the Slack thread, and for temporary access the
 * expiry. Pure.
 */
export function buildPullRequestText(args: {
  request: AccessRequest;
  change: MemberChange;
  /** Approvers of the group's file (nearest OWNERS), asked to /approve. */
  ownersApprovers: readonly string[];
  slackThreadUrl?: string;
}): PullRequestText {
  const { request, change, ownersApprovers } = args;
  const email = request.memberEmail;
  const group = request.group;
  const slackUrl = args.slackThreadUrl ?? request.slackThread?.permalink;
  const approvedBy = request.approvals.map((a) => `@${a.github}`);

  const title =
    change === 'add'
      ? `groups: add ${email} to ${group.name}${request.until ? ` until ${request.until}` : ''}`
      : `groups: remove ${email} from ${group.name} (temporary access ended ${request.until ?? ''})`.replace(/ \)$/, ')');

  const lines: string[] = [];
  if (change === 'add') {
    lines.push(`Adds \`${email}\` to the members of \`${group.emailId}\` in \`${group.file}\`.`, '');
    lines.push(`**Requested by:** ${person(request.requester)}`, '');
    lines.push('**Justification:**', quote(request.justification), '');
    lines.push(`**Approved in Slack by:** ${approvedBy.join(', ') || '(nobody yet)'}`);
    if (request.until) {
      lines.push('', `**Temporary access:** until ${request.until} (inclusive). The bot opens a pull request to remove \`${email}\` on ${request.expiresAt?.slice(0, 10) ?? 'the day after'} (UTC).`);
    }
  } else {
    lines.push(`Removes \`${email}\` from the members of \`${group.emailId}\` in \`${group.file}\`: the temporary access granted${request.pullRequest ? ` in #${request.pullRequest.number}` : ''} ended after ${request.until}.`, '');
    lines.push(`**Originally requested by:** ${person(request.requester)}`);
    lines.push(`**Approved in Slack by:** ${approvedBy.join(', ') || '(nobody)'}`);
  }
  if (slackUrl) lines.push('', `**Slack thread:** ${slackUrl}`);
  if (ownersApprovers.length > 0) lines.push('', `Approvers for \`${group.file}\`: ${ownersApprovers.map((a) => `@${a}`).join(' ')}`);
  lines.push('', `Opened by k8s-infra-bot for access request \`${request.id}\`.`, requestMarker(request.id, change));
  let body = lines.join('\n');
  if (body.length > MAX_BODY) body = `${body.slice(0, MAX_BODY)}\n\n(truncated)`;

  const commitMessage = [
    title,
    '',
    change === 'add'
      ? `Requested by ${person(request.requester)}; approved in Slack by ${approvedBy.join(', ') || 'nobody'}.`
      : `Temporary access ended after ${request.until}.`,
    `Access request: ${request.id}`,
  ].join('\n');
  return { title, body, commitMessage };
}
