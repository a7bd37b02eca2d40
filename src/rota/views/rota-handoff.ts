import type { KnownBlock } from '@slack/types';
import { section } from '../../platform/slack/blocks.ts';
import { formatUtcShort } from './rota-format.ts';

export interface HandoffView {
  subprojectName: string;
  person: string;
  until?: Date;
  next?: string;
}

/** The channel message at a handoff: "On call for GCR: @alice, until Mon 09:00 UTC, next @bob". */
export function handoffAnnouncement(h: HandoffView): { text: string; blocks: KnownBlock[] } {
  const until = h.until ? `, until ${formatUtcShort(h.until)}` : '';
  const next = h.until ? `, next ${h.next ?? 'nobody'}` : '';
  const text = `:pager: On call for ${h.subprojectName}: ${h.person}${until}${next}`;
  return { text, blocks: [section(text)] };
}

/** The DM to the incoming person. */
export function handoffDm(h: HandoffView): { text: string; blocks: KnownBlock[] } {
  const until = h.until ? ` until ${formatUtcShort(h.until)}` : '';
  const text = `:pager: You are now on call for ${h.subprojectName}${until}. \`/k8s-infra oncall\` shows who is next; \`/k8s-infra override\` if you need cover.`;
  return { text, blocks: [section(text)] };
}
