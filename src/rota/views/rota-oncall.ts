import type { KnownBlock } from '@slack/types';
import { context, section } from '../../platform/slack/blocks.ts';
import { formatWhen } from './rota-format.ts';

export interface OnCallPersonView {
  mention: string;
  /** Their wall clock now, e.g. "03:12", and zone. */
  localTime: string;
  zone: string;
  withinWorkingHours: boolean;
}

export interface ShadowView {
  mention: string;
  until: Date;
}

/** "shadowing: @hh until Tue 8 Dec 09:00", several joined by commas. */
export function shadowingText(shadows: readonly ShadowView[], zone: string): string {
  return `shadowing: ${shadows.map((s) => `${s.mention} until ${formatWhen(s.until, zone)}`).join(', ')}`;
}

export interface OnCallEntryView {
  subprojectId: string;
  name: string;
  primary?: OnCallPersonView;
  secondary?: string;
  /** New owners shadowing the rotation now: notified with the primary until `until`. */
  shadows?: ShadowView[];
  /** The next handoff, if one is known. */
  nextAt?: Date;
  /** Mention of the incoming person; undefined when nobody is on call after it. */
  next?: string;
  /** The subproject has no rotation at all. */
  noRotation?: boolean;
}

function entryText(e: OnCallEntryView, viewerZone: string): string {
  const lines = [`*${e.name}* (\`${e.subprojectId}\`)`];
  if (e.noRotation) {
    lines.push('No rotation configured: pages go to the subproject owners.');
    return lines.join('\n');
  }
  if (e.primary) {
    const hours = e.primary.withinWorkingHours ? 'within working hours' : ':crescent_moon: outside working hours';
    lines.push(`On call now: ${e.primary.mention} (their time ${e.primary.localTime} ${e.primary.zone}, ${hours})`);
  } else lines.push('On call now: nobody');
  if (e.secondary) lines.push(`Secondary: ${e.secondary}`);
  if (e.shadows?.length) lines.push(`:eyes: ${shadowingText(e.shadows, viewerZone)} (notified with the primary)`);
  if (e.nextAt) lines.push(`Next: ${e.next ?? 'nobody'} from ${formatWhen(e.nextAt, viewerZone)}`);
  return lines.join('\n');
}

/** `/k8s-infra oncall [subproject]`: who now, who next and when, in the reader's timezone. */
export function onCallMessage(entries: readonly OnCallEntryView[], viewerZone: string): { text: string; blocks: KnownBlock[] } {
  const shown = entries.slice(0, 45);
  const blocks: KnownBlock[] = [
    context(`On call, times in your timezone (${viewerZone}).`),
    ...shown.map((e) => section(entryText(e, viewerZone))),
  ];
  const text = shown.map((e) => `${e.name}: ${e.primary?.mention ?? (e.noRotation ? 'no rotation' : 'nobody')}`).join('; ');
  return { text: `On call: ${text}`.slice(0, 3000), blocks };
}
