import type { KnownBlock } from '@slack/types';
import { section } from '../../platform/slack/blocks.ts';
import type { PageState } from '../domain/page-state.ts';
import { pageMessage } from './paging-message.ts';

type Mention = (personId: string) => string;

/**
 * The paging section of a Home tab: each open page the person is part of, as its channel post
 * shows it, with the same Acknowledge / Escalate now / Resolve buttons (same action ids, so the
 * same listeners answer a click here). Pure.
 */
export function homePagesBlocks(pages: readonly PageState[], mention: Mention, subprojectName: (id: string) => string | undefined): KnownBlock[] {
  if (pages.length === 0) return [section('No open pages you are part of.')];
  // A view's block ids must be unique, and every page message names its button row the same:
  // the listeners go by action id, so the rows here carry none.
  return pages.flatMap((page) => pageMessage(page, mention, subprojectName(page.subprojectId)).blocks.map(withoutBlockId));
}

function withoutBlockId(block: KnownBlock): KnownBlock {
  if (block.block_id === undefined) return block;
  const { block_id: _dropped, ...rest } = block;
  return rest as KnownBlock;
}
