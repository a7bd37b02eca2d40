import type { Button, KnownBlock } from '@slack/types';
import { escapeInline } from '../../core/mrkdwn.ts';
import { actions, clip, context, section, SLACK_LIMITS } from '../../platform/slack/blocks.ts';
import type { PageState, TimelineEntry } from '../domain/page-state.ts';
import { PAGING_IDS } from '../ids.ts';
import { actorShown, shown, shownInline } from './shown-text.ts';

/**
 * Person id → how to show them (`<@U…>`), or the id itself when it names nobody in the config.
 * Only contact data safe for a channel ever appears.
 */
export type Mention = (personId: string) => string;

/** A page message as every channel post and DM shows it. */
export interface PageView {
  text: string;
  blocks: KnownBlock[];
}

/** A page rendered with the bot's people and subproject names (the capability builds it once). */
export type ShowPage = (page: PageState) => PageView;

const SEVERITY_ICON: Record<PageState['severity'], string> = {
  critical: ':red_circle:',
  error: ':large_orange_circle:',
  warning: ':large_yellow_circle:',
  info: ':large_blue_circle:',
};

/** A thread reply is one section's worth of text; the summary is capped below that when a page is raised. */
const REPLY_MAX = SLACK_LIMITS.sectionText;

function hhmm(iso: string | undefined): string {
  return iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : 'unknown time';
}

/** A PagerDuty agent's display name is third-party text: shown escaped, never as a mention. */
function actor(id: string | undefined, via: PageState['acknowledgedVia'], mention: Mention): string {
  if (!id) return 'someone';
  return via === 'pagerduty' ? `${shown(id, 200)} (in PagerDuty)` : actorShown(id, mention);
}

export function pageStatusLine(page: PageState, mention: Mention): string {
  if (page.status === 'resolved') {
    const ack = page.acknowledgedAt ? ` · acknowledged by ${actor(page.acknowledgedBy, page.acknowledgedVia, mention)} at ${hhmm(page.acknowledgedAt)}` : '';
    return `:white_check_mark: *Resolved* by ${actor(page.resolvedBy, page.resolvedVia, mention)} at ${hhmm(page.resolvedAt)}${ack}`;
  }
  if (page.status === 'acknowledged') {
    return `:eyes: *Acknowledged* by ${actor(page.acknowledgedBy, page.acknowledgedVia, mention)} at ${hhmm(page.acknowledgedAt)}`;
  }
  const steps = page.policy.steps.length;
  const passes = page.policy.repeat + 1;
  const where = `step ${Math.max(1, page.stepIndex + 1)} of ${steps}${passes > 1 ? `, pass ${page.pass} of ${passes}` : ''}`;
  if (page.exhaustedAt) return `:rotating_light: *Triggered* · escalation policy exhausted at ${hhmm(page.exhaustedAt)}: nobody acknowledged`;
  return `:rotating_light: *Triggered* · ${where}${page.nextStepDueAt ? ` · next step at ${hhmm(page.nextStepDueAt)} unless acknowledged` : ''}`;
}

/**
 * Built by hand rather than with `button()`: messages in Slack today carry buttons without
 * `emoji: true`, and every page message is re-rendered on each change.
 */
function pageButton(actionId: string, text: string, value: string, style?: 'primary' | 'danger'): Button {
  return { type: 'button', action_id: actionId, text: { type: 'plain_text', text }, ...(style ? { style } : {}), value };
}

/**
 * Escalate now carries the step the message shows (`<page id>@<stepSeq>`), so a click delivered
 * again, or clicked twice, is recognised as the same step. Acknowledge and Resolve carry the page id.
 */
export function escalateValue(page: Pick<PageState, 'id' | 'stepSeq'>): string {
  return `${page.id}@${page.stepSeq}`;
}

/** A page button's value read back; messages posted before the step was carried have only the page id. */
export function readPageButtonValue(value: string | undefined): { pageId: string | undefined; seenStepSeq?: number } {
  const m = /^(.+)@(\d{1,9})$/.exec(value ?? '');
  return m ? { pageId: m[1], seenStepSeq: Number(m[2]) } : { pageId: value };
}

function buttons(page: PageState): KnownBlock | undefined {
  if (page.status === 'resolved') return undefined;
  const elements: Button[] = [];
  if (page.status === 'triggered') {
    elements.push(pageButton(PAGING_IDS.actions.acknowledge, 'Acknowledge', page.id, 'primary'));
    if (!page.exhaustedAt) elements.push(pageButton(PAGING_IDS.actions.escalate, 'Escalate now', escalateValue(page)));
  }
  elements.push(pageButton(PAGING_IDS.actions.resolve, 'Resolve', page.id, 'danger'));
  return actions(PAGING_IDS.blocks.actions, elements);
}

/**
 * The page as shown in its channel and in every DM: same text, same buttons. Everything a person
 * or PagerDuty typed is escaped and clipped to what the block can hold.
 */
export function pageMessage(page: PageState, mention: Mention, subprojectName?: string): PageView {
  const title = `${SEVERITY_ICON[page.severity]} Page for *${escapeInline(subprojectName ?? page.subprojectId)}* (\`${page.subprojectId}\`) · severity *${page.severity}*`;
  const blocks: KnownBlock[] = [section(`${title}\n${shown(page.summary, SLACK_LIMITS.sectionText - title.length - 1)}`)];
  if (page.details.trim() !== '') blocks.push(section(`*Details*\n${shown(page.details, SLACK_LIMITS.sectionText - 12)}`));
  blocks.push(context(`${pageStatusLine(page, mention)}\nPaged by ${actorShown(page.createdBy, mention)} at ${hhmm(page.createdAt)} · page \`${page.id}\``));
  const buttonRow = buttons(page);
  if (buttonRow) blocks.push(buttonRow);
  const state = page.status === 'triggered' ? 'PAGE' : page.status.toUpperCase();
  // The text is what notifications show, and Slack formats it too: escaped like the blocks.
  return { text: clip(`[${state}] ${page.subprojectId} (${page.severity}): ${shownInline(page.summary, 1900)}`, 2000), blocks };
}

/**
 * Timeline entries as thread replies, one line each, in replies of at most 3000 characters.
 * Names stay as plain `@id` (no `<@U…>`): a skipped person must not be pinged at 3 a.m. by the reason they were skipped.
 * Entries quote summaries and PagerDuty names, so every line is escaped.
 */
export function timelineReplies(entries: readonly TimelineEntry[]): string[] {
  const replies: string[] = [];
  let current = '';
  for (const e of entries) {
    const line = `\`${e.at.slice(11, 16)}\` ${shown(e.text, 990)}`;
    if (current && current.length + 1 + line.length > REPLY_MAX) {
      replies.push(current);
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) replies.push(current);
  return replies;
}
