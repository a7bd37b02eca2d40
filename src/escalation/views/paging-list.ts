import type { KnownBlock } from '@slack/types';
import type { PageState } from '../domain/page-state.ts';
import { pageStatusLine, type Mention } from './paging-message.ts';

/** `/k8s-infra page list`: open pages, newest first, within Slack's 50 blocks. */
export function pageListReply(pages: readonly PageState[], mention: Mention): { response_type: 'ephemeral'; text: string; blocks: KnownBlock[] } {
  if (pages.length === 0) {
    return { response_type: 'ephemeral', text: 'No open pages.', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: ':white_check_mark: No open pages.' } }] };
  }
  const shown = pages.slice(0, 45);
  const blocks: KnownBlock[] = [{ type: 'header', text: { type: 'plain_text', text: `Open pages (${pages.length})` } }];
  for (const p of shown) {
    const summary = p.summary.length > 200 ? `${p.summary.slice(0, 199)}…` : p.summary;
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*${p.subprojectId}* (${p.severity}) · \`${p.id}\`\n${summary}\n${pageStatusLine(p, mention)}` } });
  }
  if (pages.length > shown.length) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `…and ${pages.length - shown.length} more` }] });
  return { response_type: 'ephemeral', text: `${pages.length} open page(s)`, blocks };
}
