import type { KnownBlock } from '@slack/types';
import { context, divider, header, section } from '../slack/blocks.ts';

/** Slack's limit for a Home tab. */
export const HOME_BLOCK_LIMIT = 100;

export type ComposedSection =
  | { kind: 'ok'; title: string; seeMore: string; blocks: readonly KnownBlock[] }
  | { kind: 'failed'; title: string; seeMore: string };

/** What a section shows when it could not be loaded: the tab still shows the others. */
function failedBlocks(s: { title: string; seeMore: string }): KnownBlock[] {
  return [section(`*${s.title}*: could not load right now. Try \`/k8s-infra ${s.seeMore}\`.`)];
}

function seeMoreLine(seeMore: string, hidden: number): KnownBlock {
  return context(`…${hidden} more not shown: see more with \`/k8s-infra ${seeMore}\``);
}

/**
 * Each section's blocks, title first, within `budget`: sections that fit in an equal share keep
 * everything; what they leave over is shared among the larger ones, and a section cut to its
 * share ends with a "see more" line naming its command.
 */
function allocate(sizes: readonly number[], budget: number): number[] {
  const shares = sizes.map(() => 0);
  let open = sizes.map((_, i) => i);
  let left = budget;
  while (open.length > 0) {
    const share = Math.floor(left / open.length);
    const small = open.filter((i) => sizes[i]! <= share);
    if (small.length === 0) {
      // Everyone left is larger than the share: split what remains, the first sections getting the remainder.
      let extra = left - share * open.length;
      for (const i of open) {
        shares[i] = share + (extra > 0 ? 1 : 0);
        extra--;
      }
      return shares;
    }
    for (const i of small) {
      shares[i] = sizes[i]!;
      left -= sizes[i]!;
    }
    open = open.filter((i) => !small.includes(i));
  }
  return shares;
}

function fit(blocks: readonly KnownBlock[], share: number, seeMore: string): KnownBlock[] {
  if (blocks.length <= share) return [...blocks];
  // Keep the title; the see-more line takes the last place.
  const kept = Math.max(1, share - 1);
  return [...blocks.slice(0, kept), seeMoreLine(seeMore, blocks.length - kept)];
}

/**
 * The whole Home tab: a header with the person's name and when it was built, then each section
 * in CAPABILITIES order with a divider between, never more than 100 blocks. Pure.
 */
export function composeHome(input: { greeting: string; updated: string; sections: readonly ComposedSection[] }): KnownBlock[] {
  const top: KnownBlock[] = [header(input.greeting), context(input.updated)];
  const rendered = input.sections.map((s) => (s.kind === 'ok' ? [header(s.title), ...s.blocks] : failedBlocks(s)));
  if (rendered.length === 0) return [...top, section('Nothing here yet.')];
  const dividers = rendered.length - 1;
  const budget = HOME_BLOCK_LIMIT - top.length - dividers;
  const shares = allocate(rendered.map((r) => r.length), budget);
  const out: KnownBlock[] = [...top];
  rendered.forEach((blocks, i) => {
    if (i > 0) out.push(divider());
    out.push(...fit(blocks, shares[i]!, input.sections[i]!.seeMore));
  });
  return out;
}
