import type { KnownBlock } from '@slack/types';
import { escapeInline } from '../../core/mrkdwn.ts';
import { context, section } from '../../platform/slack/blocks.ts';
import { formatWhen } from './rota-format.ts';

export interface HomeShiftView {
  subprojectId: string;
  rotationName: string;
  start: Date;
  end: Date;
  /** Already running. */
  current: boolean;
  /** Starts (or, when running, is now) outside the person's working hours. */
  outsideWorkingHours: boolean;
  why?: 'override' | 'swap';
}

export interface HomeOnCallNowView {
  subprojectId: string;
  name: string;
  /** A Slack mention, or "you". */
  primary?: string;
  secondary?: string;
}

export interface HomeRotaView {
  /** The person's own zone: every time is shown in it. */
  zone: string;
  shifts: HomeShiftView[];
  onCallNow: HomeOnCallNowView[];
}

function shiftLine(s: HomeShiftView, zone: string): string {
  const when = s.current ? `now until ${formatWhen(s.end, zone)}` : `${formatWhen(s.start, zone)} → ${formatWhen(s.end, zone)}`;
  const why = s.why ? ` (${s.why})` : '';
  const flag = s.outsideWorkingHours ? ` · :crescent_moon: ${s.current ? 'now ' : 'starts '}outside your working hours` : '';
  return `• *${escapeInline(s.subprojectId)}* · ${escapeInline(s.rotationName)}${why}: ${when}${flag}`;
}

/** The rota section of a Home tab: my shifts this week, then who is on call now for my subprojects. Pure. */
export function homeRotaBlocks(view: HomeRotaView): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  blocks.push(
    view.shifts.length === 0
      ? section('*Your shifts this week:* none.')
      : section(`*Your shifts this week* (${escapeInline(view.zone)})`),
  );
  for (const s of view.shifts) blocks.push(section(shiftLine(s, view.zone)));
  if (view.onCallNow.length > 0) {
    const lines = view.onCallNow.map((o) => {
      const who = o.primary ?? '_nobody_';
      return `• *${escapeInline(o.name)}* (\`${escapeInline(o.subprojectId)}\`): ${who}${o.secondary ? ` · secondary ${o.secondary}` : ''}`;
    });
    blocks.push(section(`*On call now for your subprojects*\n${lines.join('\n')}`));
  }
  blocks.push(context('Override or swap a shift: `/k8s-infra override`, `/k8s-infra swap` · `/k8s-infra schedule <subproject>`'));
  return blocks;
}
