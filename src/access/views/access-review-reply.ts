import type { KnownBlock } from '@slack/types';
import { escapeInline, escapeMrkdwn } from '../../core/mrkdwn.ts';
import type { CatalogGroup } from '../domain/group-catalog.ts';
import type { ReviewedMember } from '../domain/group-review.ts';
import { clip, context, messageBlocks, section, SLACK_LIMITS } from '../../platform/slack/blocks.ts';

function line(m: ReviewedMember): string {
  const g = m.grantedBy;
  if (!g) return `• ${escapeMrkdwn(m.address)} — added by hand (before the bot or outside it)`;
  const pr = g.pullRequest ? `, <${escapeMrkdwn(g.pullRequest.url)}|#${g.pullRequest.number}>` : '';
  const until = g.until ? `, until ${g.until}` : '';
  return `• ${escapeMrkdwn(m.address)} — ${g.at.slice(0, 10)} for @${escapeMrkdwn(g.requester)}${until}${pr}: “${escapeInline(clip(g.justification, 120))}”`;
}

/** `/k8s-infra access review <group>`: members with when and why, in sections within Slack's limits. */
export function accessReviewReply(args: { group: CatalogGroup; members: readonly ReviewedMember[]; repo: string; branch: string }): { response_type: 'ephemeral'; text: string; blocks: KnownBlock[] } {
  const { group, members } = args;
  const viaBot = members.filter((m) => m.grantedBy).length;
  const blame = `https://github.com/${args.repo}/blame/${args.branch}/${group.file}`;
  const blocks: KnownBlock[] = [
    section(`*Access review: \`${escapeMrkdwn(group.emailId)}\`* — ${members.length} member(s), ${viaBot} added through the bot. Members added by hand: see the file's <${escapeMrkdwn(blame)}|git history>.`),
  ];
  let chunk: string[] = [];
  let size = 0;
  const flush = () => {
    if (chunk.length > 0) blocks.push(section(chunk.join('\n')));
    chunk = [];
    size = 0;
  };
  for (const m of members) {
    const l = clip(line(m), 500);
    if (size + l.length + 1 > SLACK_LIMITS.sectionText - 100) flush();
    chunk.push(l);
    size += l.length + 1;
  }
  flush();
  if (members.length === 0) blocks.push(context('_No members._'));
  blocks.push(context('Attest by leaving the list as it is; to remove someone, remove their line in a pull request (temporary access ends by itself).'));
  return { response_type: 'ephemeral', text: `Access review of ${group.emailId}: ${members.length} member(s)`, blocks: messageBlocks(blocks) };
}
