import type { KnownBlock } from '@slack/types';
import { escapeInline } from '../../core/mrkdwn.ts';
import { context, section } from '../../platform/slack/blocks.ts';
import { formatWhen } from './rota-format.ts';
import { shadowingText, type ShadowView } from './rota-oncall.ts';

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
  /** Others shadowing it now. */
  shadows?: ShadowView[];
}

/** A subproject the person shadows now: notified with its primary until `until`. */
export interface HomeShadowingView {
  subprojectId: string;
  name: string;
  until: Date;
}

export interface HomeRotaView {
  /** The person's own zone: every time is shown in it. */
  zone: string;
  shifts: HomeShiftView[];
  onCallNow: HomeOnCallNowView[];
  /** Absent in views built before shadows existed: none. */
  shadowing?: HomeShadowingView[];
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
  for (const s of view.shadowing ?? [])
    blocks.push(section(`:eyes: *You are shadowing ${escapeInline(s.name)}* (\`${escapeInline(s.subprojectId)}\`) until ${formatWhen(s.until, view.zone)}: pages reach you with its primary, who answers for them.`));
  if (view.onCallNow.length > 0) {
    const lines = view.onCallNow.map((o) => {
      const who = o.primary ?? '_nobody_';
      const shadows = o.shadows?.length ? ` · ${shadowingText(o.shadows, view.zone)}` : '';
      return `• *${escapeInline(o.name)}* (\`${escapeInline(o.subprojectId)}\`): ${who}${o.secondary ? ` · secondary ${o.secondary}` : ''}${shadows}`;
    });
    blocks.push(section(`*On call now for your subprojects*\n${lines.join('\n')}`));
  }
  blocks.push(context('Override or swap a shift: `/k8s-infra override`, `/k8s-infra swap` · `/k8s-infra schedule <subproject>`'));
  return blocks;
}
