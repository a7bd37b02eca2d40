import type { KnownBlock } from '@slack/types';
import { escapeInline } from '../../core/mrkdwn.ts';
import { section } from '../../platform/slack/blocks.ts';
import type { Change } from '../domain/change.ts';

export interface HomeChangeView {
  change: Pick<Change, 'id' | 'title' | 'tier' | 'author' | 'windowStart' | 'message'>;
  /** What the change still needs (slot labels). */
  missing: readonly string[];
}

/** The changes section of a Home tab: changes waiting for this person's review. Pure. */
export function homeChangesBlocks(waiting: readonly HomeChangeView[]): KnownBlock[] | undefined {
  if (waiting.length === 0) return undefined;
  return [
    section(`*Waiting for your review* (${waiting.length})`),
    ...waiting.map(({ change, missing }) => {
      const link = change.message?.permalink ? ` · <${change.message.permalink}|review it>` : '';
      const needs = missing.length > 0 ? ` · needs ${missing.map(escapeInline).join(', ')}` : '';
      return section(`• *${escapeInline(change.tier)}* risk · ${escapeInline(change.title)} by <@${change.author}> (\`${escapeInline(change.id)}\`)${needs}${link}`);
    }),
  ];
}
