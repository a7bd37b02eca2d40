import type { KnownBlock } from '@slack/types';
import { section } from '../../platform/slack/blocks.ts';
import { chunkLines, formatWhen } from './rota-format.ts';

export interface ScheduleShiftView {
  start: Date;
  end: Date;
  mention: string;
  why: 'rotation' | 'override' | 'swap';
  /** Name of the layer the shift comes from (windowed layers, fallback). */
  layer: string;
}

/** Lines kept in one message: 50 blocks of 3000 characters is far more than anyone reads. */
export const MAX_SCHEDULE_LINES = 120;

const MARK = { rotation: '', override: ' _(override)_', swap: ' _(swap)_' } as const;

export function scheduleMessage(input: { subprojectId: string; name: string; weeks: number; shifts: readonly ScheduleShiftView[]; zone: string }): {
  text: string;
  blocks: KnownBlock[];
} {
  const layers = new Set(input.shifts.map((s) => s.layer));
  const lines = input.shifts
    .slice(0, MAX_SCHEDULE_LINES)
    .map((s) => `• ${formatWhen(s.start, input.zone)} → ${formatWhen(s.end, input.zone)}: ${s.mention}${MARK[s.why]}${layers.size > 1 ? ` · ${s.layer}` : ''}`);
  if (input.shifts.length > MAX_SCHEDULE_LINES) lines.push(`… and ${input.shifts.length - MAX_SCHEDULE_LINES} more; ask for fewer weeks.`);
  if (lines.length === 0) lines.push('Nobody is scheduled in this period.');
  const title = `*${input.name}* (\`${input.subprojectId}\`): the next ${input.weeks} week${input.weeks === 1 ? '' : 's'}, in your timezone (${input.zone})`;
  const blocks: KnownBlock[] = [
    section(title),
    ...chunkLines(lines)
      .slice(0, 48)
      .map((chunk) => section(chunk)),
  ];
  return { text: `Schedule of ${input.name}, ${input.shifts.length} shifts`, blocks };
}
