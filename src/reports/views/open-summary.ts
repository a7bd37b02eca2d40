import { DateTime } from 'luxon';
import type { KnownBlock } from '@slack/types';
import type { OpenIncident } from '../../incidents/api.ts';
import { escapeInline } from '../../core/mrkdwn.ts';
import type { ReportMessage } from '../../platform/capability.ts';
import { context, header, messageBlocks, section } from '../../platform/slack/blocks.ts';

export interface OpenPageLine {
  id: string;
  subprojectId: string;
  severity: string;
  summary: string;
  status: 'triggered' | 'acknowledged';
  createdAt: Date;
  /** `<@U…>` of who acknowledged, when someone did. */
  acknowledgedBy?: string;
}

/** An open incident as the incidents capability's api gives it. */
export type OpenIncidentLine = OpenIncident;

/** What the summary could not learn (a capability not running, an answer that failed): said, never hidden. */
export type Unknown = { pages?: string; incidents?: string };

/** Lines kept per list; a busy day is still one message. */
const MAX_LINES = 20;

function age(since: Date, now: Date): string {
  const minutes = Math.max(0, Math.round((now.getTime() - since.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.floor(hours / 24)} days`;
}

function list<T>(items: readonly T[], line: (item: T) => string, none: string, unknown: string | undefined): string {
  if (unknown) return `:grey_question: ${unknown}`;
  if (items.length === 0) return none;
  const lines = items.slice(0, MAX_LINES).map(line);
  if (items.length > MAX_LINES) lines.push(`… and ${items.length - MAX_LINES} more.`);
  return lines.join('\n');
}

/** The daily summary of open pages and incidents; every summary and title is escaped. */
export function openSummaryMessage(input: { now: Date; timezone: string; pages: readonly OpenPageLine[]; incidents: readonly OpenIncidentLine[]; unknown?: Unknown }): ReportMessage {
  const when = DateTime.fromJSDate(input.now, { zone: input.timezone }).toFormat('ccc d LLL yyyy HH:mm ZZZZ');
  const pages = list(
    input.pages,
    (p) => `• *${escapeInline(p.severity)}* \`${escapeInline(p.subprojectId)}\`: ${escapeInline(p.summary)} (${p.status === 'acknowledged' ? `acknowledged${p.acknowledgedBy ? ` by ${p.acknowledgedBy}` : ''}` : '*not acknowledged*'}, open ${age(p.createdAt, input.now)})`,
    'No open pages.',
    input.unknown?.pages,
  );
  const incidents = list(
    input.incidents,
    (i) => `• *${escapeInline(i.severity)}* ${escapeInline(i.title)}${i.services.length ? ` (${i.services.map((s) => `\`${escapeInline(s)}\``).join(', ')})` : ''}: commander <@${escapeInline(i.commanderSlackId)}>${i.channelId ? `, <#${escapeInline(i.channelId)}>` : ''}, open ${age(i.declaredAt, input.now)}`,
    'No open incidents.',
    input.unknown?.incidents,
  );
  const blocks: KnownBlock[] = [
    header('Open pages and incidents'),
    context(`As of ${when}.`),
    section(`*Pages (${input.unknown?.pages ? '?' : input.pages.length})*\n${pages}`),
    section(`*Incidents (${input.unknown?.incidents ? '?' : input.incidents.length})*\n${incidents}`),
  ];
  const text = `Open: ${input.unknown?.pages ? '?' : input.pages.length} pages, ${input.unknown?.incidents ? '?' : input.incidents.length} incidents`;
  return { text, blocks: messageBlocks(blocks) };
}
