import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import { escapeInline } from '../../core/mrkdwn.ts';
import { context, divider, header, messageBlocks, section } from '../../platform/slack/blocks.ts';
import { chunkLines } from './rota-format.ts';

export interface DigestShift {
  start: Date;
  end: Date;
  /** `<@U…>` of the person on call. */
  mention: string;
  /** The person's own timezone (from the config). */
  zone: string;
  why: 'rotation' | 'override' | 'swap';
  layer: string;
}

export interface DigestSubproject {
  id: string;
  name: string;
  /** More than one layer: each line names its layer. */
  layered: boolean;
  shifts: readonly DigestShift[];
  gaps: readonly { start: Date; end: Date }[];
}

/** Shifts listed per subproject; a layered rotation (follow the sun) has one per weekday and layer. */
const MAX_LINES_PER_SUBPROJECT = 40;
const MARK = { rotation: '', override: ' _(override)_', swap: ' _(swap)_' } as const;

const utc = (d: Date) => DateTime.fromJSDate(d, { zone: 'UTC' }).toFormat("ccc d LLL HH:mm 'UTC'");
const local = (d: Date, zone: string) => DateTime.fromJSDate(d, { zone }).toFormat('ccc HH:mm ZZZZ');

function subprojectLines(s: DigestSubproject): string[] {
  const lines = s.shifts.slice(0, MAX_LINES_PER_SUBPROJECT).map((shift) => {
    const zone = shift.zone === 'UTC' ? '' : ` (${local(shift.start, shift.zone)} for them, ${escapeInline(shift.zone)})`;
    return `• ${utc(shift.start)}${zone} → ${utc(shift.end)}: ${shift.mention}${MARK[shift.why]}${s.layered ? ` · ${escapeInline(shift.layer)}` : ''}`;
  });
  if (s.shifts.length > MAX_LINES_PER_SUBPROJECT) lines.push(`… and ${s.shifts.length - MAX_LINES_PER_SUBPROJECT} more shifts: \`/k8s-infra schedule ${s.id}\`.`);
  if (s.shifts.length === 0) lines.push('Nobody is scheduled this week.');
  for (const gap of s.gaps) lines.push(`:warning: *Gap*: ${utc(gap.start)} → ${utc(gap.end)}: nobody on call.`);
  return lines;
}

/** `oncall-digest`: this week's shifts per subproject, handoffs in UTC and in each person's zone, and gaps. */
export function oncallDigestMessage(input: { from: Date; to: Date; timezone: string; subprojects: readonly DigestSubproject[] }): { text: string; blocks: KnownBlock[] } {
  const week = `${DateTime.fromJSDate(input.from, { zone: input.timezone }).toFormat('ccc d LLL')} – ${DateTime.fromJSDate(input.to, { zone: input.timezone }).minus({ days: 1 }).toFormat('ccc d LLL yyyy')}`;
  const blocks: KnownBlock[] = [header(`On call this week (${week})`), context(`Handoffs in UTC, then in the incoming person's own timezone. The week runs Monday to Monday in ${escapeInline(input.timezone)}.`)];
  for (const s of input.subprojects) {
    const title = `*${escapeInline(s.name)}* (\`${escapeInline(s.id)}\`)`;
    for (const chunk of chunkLines([title, ...subprojectLines(s)])) blocks.push(section(chunk));
    blocks.push(divider());
  }
  if (input.subprojects.length === 0) blocks.push(section('No subproject has a rotation.'));
  const gaps = input.subprojects.filter((s) => s.gaps.length > 0).map((s) => s.id);
  const text = `On call this week (${week})${gaps.length ? `: gaps in ${gaps.join(', ')}` : ''}`;
  return { text, blocks: messageBlocks(blocks) };
}
