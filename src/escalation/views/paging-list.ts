import type { KnownBlock } from '@slack/types';
import { clip, context, messageBlocks, section, SLACK_LIMITS } from '../../platform/slack/blocks.ts';
import type { PageState } from '../domain/page-state.ts';
import { pageStatusLine, type Mention } from './paging-message.ts';
import { shownInline } from './shown-text.ts';

/** Leaves room under Slack's 50 blocks for the header and the "more" line. */
const SHOWN = 45;

/** `/k8s-infra page list`: open pages, newest first, within Slack's 50 blocks. */
export function pageListReply(pages: readonly PageState[], mention: Mention): { response_type: 'ephemeral'; text: string; blocks: KnownBlock[] } {
  if (pages.length === 0) {
    return { response_type: 'ephemeral', text: 'No open pages.', blocks: [section(':white_check_mark: No open pages.')] };
  }
  const shown = pages.slice(0, SHOWN);
  // By hand, not `header()`: the reply has always been without `emoji: true`.
  const blocks: KnownBlock[] = [{ type: 'header', text: { type: 'plain_text', text: clip(`Open pages (${pages.length})`, SLACK_LIMITS.headerText) } }];
  for (const p of shown) blocks.push(section(`*${p.subprojectId}* (${p.severity}) · \`${p.id}\`\n${shownInline(p.summary, 200)}\n${pageStatusLine(p, mention)}`));
  if (pages.length > shown.length) blocks.push(context(`…and ${pages.length - shown.length} more`));
  return { response_type: 'ephemeral', text: `${pages.length} open page(s)`, blocks: messageBlocks(blocks) };
}
