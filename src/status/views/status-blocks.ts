import type { KnownBlock } from '@slack/types';
import { context, divider, header, section, SLACK_LIMITS } from '../../platform/slack/blocks.ts';
import type { OutOfScopeEntry } from '../domain/find-status-target.ts';
import { formatDuration, formatUtc } from '../domain/format-duration.ts';
import type { ServiceStatus } from '../domain/service-status.ts';
import { escapeMrkdwn } from '../../core/mrkdwn.ts';
import { ago, clipText, outOfScopeText, STATE_EMOJI, stateLine } from '../domain/status-text.ts';
import { formatUptime } from '../domain/uptime.ts';

/** Slack: at most 50 blocks in a message (the builders clip each text to its own limit). */
const MAX_BLOCKS = SLACK_LIMITS.messageBlocks;
const MAX_SECTION = SLACK_LIMITS.sectionText;

function serviceLine(s: ServiceStatus, now: Date): string {
  return [
    `${STATE_EMOJI[s.state]} *${escapeMrkdwn(s.name)}* — ${stateLine(s, now)}`,
    escapeMrkdwn(clipText(s.detail, 300)),
    `_${escapeMrkdwn(s.sigs.join(', '))}_`,
  ].join('\n');
}

export interface SummaryOptions {
  /** Link to the public page, shown in the footer. */
  statusPageUrl?: string;
}

/**
 * Every service, one section each (grouped into fewer sections when there are more services
 * than a message can hold blocks), with state, how long, detail and owning SIGs.
 */
export function statusSummaryBlocks(services: readonly ServiceStatus[], now: Date, options: SummaryOptions = {}): KnownBlock[] {
  const blocks: KnownBlock[] = [header('k8s-infra status')];
  if (services.length === 0) {
    blocks.push(section('No services are configured for status checks.'));
    return blocks;
  }
  const lines = services.map((s) => serviceLine(s, now));
  const room = MAX_BLOCKS - 2;
  if (lines.length <= room) {
    for (const line of lines) blocks.push(section(line));
  } else {
    for (const chunk of packLines(lines, MAX_SECTION)) blocks.push(section(chunk));
  }
  const footer = [`Checked ${lastChecked(services, now)} · \`/k8s-infra status <service>\` shows every probe`];
  if (options.statusPageUrl) footer.push(`<${options.statusPageUrl}|status page>`);
  blocks.push(context(footer.join(' · ')));
  return blocks.slice(0, MAX_BLOCKS);
}

/** One service: state, since when, owners, uptime, then every probe. */
export function serviceStatusBlocks(s: ServiceStatus, now: Date): KnownBlock[] {
  const since = s.confirmed && s.since ? ` (since ${formatUtc(s.since)})` : '';
  const blocks: KnownBlock[] = [
    header(s.name),
    section(`${STATE_EMOJI[s.state]} *${stateLine(s, now)}*${since}\n${escapeMrkdwn(clipText(s.detail, 500))}`, {
      fields: [`*Owned by*\n${escapeMrkdwn(s.sigs.join(', '))}`, `*Uptime*\n24 h ${formatUptime(s.uptime.day)} · 7 d ${formatUptime(s.uptime.week)}`],
    }),
    divider(),
  ];
  const room = MAX_BLOCKS - blocks.length - 1;
  const probeLines = s.probes.map(
    (p) => `${STATE_EMOJI[p.state]} *${escapeMrkdwn(clipText(p.label, 150))}*\n${escapeMrkdwn(clipText(p.detail, 300))} · ${ago(p.checkedAt, now)}`,
  );
  if (probeLines.length === 0) blocks.push(section('_No probe results yet._'));
  else if (probeLines.length <= room) for (const line of probeLines) blocks.push(section(line));
  else for (const chunk of packLines(probeLines, MAX_SECTION)) blocks.push(section(chunk));
  blocks.push(context(`Last checked ${s.lastCheckedAt ? ago(s.lastCheckedAt, now) : 'never'}`));
  return blocks.slice(0, MAX_BLOCKS);
}

/** The answer for a service another SIG owns (`prow.k8s.io` → SIG Testing, #sig-testing). */
export function outOfScopeBlocks(entry: OutOfScopeEntry, asked?: string): KnownBlock[] {
  return [section(`:information_source: ${outOfScopeText(entry, asked)}`)];
}

function lastChecked(services: readonly ServiceStatus[], now: Date): string {
  const times = services.map((s) => s.lastCheckedAt?.getTime()).filter((t): t is number => t !== undefined);
  if (times.length === 0) return 'never';
  return `${formatDuration(now.getTime() - Math.max(...times))} ago`;
}

/** Joins lines into as few texts as fit `max` characters each. */
function packLines(lines: readonly string[], max: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const line of lines) {
    const piece = clipText(line, max);
    if (current && current.length + 2 + piece.length > max) {
      out.push(current);
      current = piece;
    } else current = current ? `${current}\n\n${piece}` : piece;
  }
  if (current) out.push(current);
  return out;
}
