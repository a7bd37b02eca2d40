import type { KnownBlock } from '@slack/types';
import type { PageState, TimelineEntry } from '../domain/page-state.ts';
import { ACTION_IDS } from '../../platform/ids.ts';

/** Person id → how to show them (`<@U…>`). Only contact data safe for a channel ever appears. */
export type Mention = (personId: string) => string;

const SEVERITY_ICON: Record<PageState['severity'], string> = {
  critical: ':red_circle:',
  error: ':large_orange_circle:',
  warning: ':large_yellow_circle:',
  info: ':large_blue_circle:',
};

/** Section text is limited to 3000 characters; the summary is capped below that when a page is raised. */
const SECTION_MAX = 3000;

function clip(text: string, max = SECTION_MAX): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function hhmm(iso: string | undefined): string {
  return iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : 'unknown time';
}

function actor(id: string | undefined, via: PageState['acknowledgedVia'], mention: Mention): string {
  if (!id) return 'someone';
  return via === 'pagerduty' ? `${id} (in PagerDuty)` : mention(id);
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

function buttons(page: PageState): KnownBlock | undefined {
  if (page.status === 'resolved') return undefined;
  const elements: Extract<KnownBlock, { type: 'actions' }>['elements'] = [];
  if (page.status === 'triggered') {
    elements.push({ type: 'button', action_id: ACTION_IDS.paging.acknowledge, text: { type: 'plain_text', text: 'Acknowledge' }, style: 'primary', value: page.id });
    if (!page.exhaustedAt) elements.push({ type: 'button', action_id: ACTION_IDS.paging.escalate, text: { type: 'plain_text', text: 'Escalate now' }, value: page.id });
  }
  elements.push({ type: 'button', action_id: ACTION_IDS.paging.resolve, text: { type: 'plain_text', text: 'Resolve' }, style: 'danger', value: page.id });
  return { type: 'actions', block_id: `paging.actions`, elements };
}

/** The page as shown in its channel and in every DM: same text, same buttons. */
export function pageMessage(page: PageState, mention: Mention, subprojectName?: string): { text: string; blocks: KnownBlock[] } {
  const title = `${SEVERITY_ICON[page.severity]} Page for *${subprojectName ?? page.subprojectId}* (\`${page.subprojectId}\`) · severity *${page.severity}*`;
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: clip(`${title}\n${page.summary}`) } },
  ];
  if (page.details.trim() !== '') blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(`*Details*\n${page.details}`) } });
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: clip(`${pageStatusLine(page, mention)}\nPaged by ${mention(page.createdBy)} at ${hhmm(page.createdAt)} · page \`${page.id}\``) }] });
  const actions = buttons(page);
  if (actions) blocks.push(actions);
  const state = page.status === 'triggered' ? 'PAGE' : page.status.toUpperCase();
  return { text: clip(`[${state}] ${page.subprojectId} (${page.severity}): ${page.summary}`, 2000), blocks };
}

/**
 * Timeline entries as thread replies, one line each, in replies of at most 3000 characters.
 * Names stay as plain `@id` (no `<@U…>`): a skipped person must not be pinged at 3 a.m. by the reason they were skipped.
 */
export function timelineReplies(entries: readonly TimelineEntry[]): string[] {
  const replies: string[] = [];
  let current = '';
  for (const e of entries) {
    const line = clip(`\`${e.at.slice(11, 16)}\` ${e.text}`, 1000);
    if (current && current.length + 1 + line.length > SECTION_MAX) {
      replies.push(current);
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) replies.push(current);
  return replies;
}
