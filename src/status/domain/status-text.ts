import { escapeInline, escapeMrkdwn } from '../../core/mrkdwn.ts';
import type { OutOfScopeEntry, StatusTarget, StatusTargetService } from './find-status-target.ts';
import { formatDuration, formatUtc } from './format-duration.ts';
import type { ProbeState } from './probe.ts';
import type { ServiceStatus } from './service-status.ts';
import { formatUptime } from './uptime.ts';

export const STATE_EMOJI: Record<ProbeState, string> = {
  ok: ':large_green_circle:',
  degraded: ':large_yellow_circle:',
  down: ':red_circle:',
  unknown: ':white_circle:',
};

export function clipText(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** `down for 12 min`, `ok (unconfirmed)`, `ok for 3 d (latest check: down)`. */
export function stateLine(s: ServiceStatus, now: Date): string {
  let line: string = s.state;
  if (!s.confirmed) line += s.lastCheckedAt ? ' (unconfirmed)' : '';
  else if (s.since) line += ` for ${formatDuration(now.getTime() - s.since.getTime())}`;
  if (s.pending) line += ` (latest check: ${s.pending.state})`;
  return line;
}

/** One line per service: emoji, name, state and how long, detail, owning SIGs. The `text` of a status message. */
export function statusSummaryText(services: readonly ServiceStatus[], now: Date): string {
  if (services.length === 0) return 'No services are configured for status checks.';
  const lines = services.map(
    (s) => `${STATE_EMOJI[s.state]} ${escapeInline(s.name)}: ${stateLine(s, now)} · ${escapeInline(clipText(s.detail, 200))} · ${escapeInline(s.sigs.join(', '))}`,
  );
  return [`k8s-infra status (${formatUtc(now)})`, ...lines].join('\n');
}

/** One service with every probe. */
export function serviceStatusText(s: ServiceStatus, now: Date): string {
  const head = `${STATE_EMOJI[s.state]} ${escapeInline(s.name)}: ${stateLine(s, now)} · owned by ${escapeInline(s.sigs.join(', '))}`;
  const uptime = `uptime 24 h ${formatUptime(s.uptime.day)}, 7 d ${formatUptime(s.uptime.week)}`;
  const probes =
    s.probes.length === 0
      ? ['no probe results yet']
      : s.probes.map((p) => `${STATE_EMOJI[p.state]} ${escapeInline(p.label)}: ${escapeInline(clipText(p.detail, 300))} (${ago(p.checkedAt, now)})`);
  return [head, uptime, ...probes].join('\n');
}

export function outOfScopeText(entry: OutOfScopeEntry, asked?: string): string {
  const name = escapeMrkdwn(asked ?? entry.names[0] ?? entry.id);
  const note = entry.note ? ` ${escapeMrkdwn(entry.note)}` : '';
  return `${name} is not run by k8s-infra: it belongs to ${escapeMrkdwn(entry.sig)}. Ask in #${escapeMrkdwn(entry.channel)}.${note}`;
}

export function unknownServiceText(target: Extract<StatusTarget<StatusTargetService>, { kind: 'unknown' }>, services: readonly StatusTargetService[]): string {
  const hint = target.suggestion ? ` Did you mean \`${escapeMrkdwn(target.suggestion)}\`?` : '';
  const known = services.map((s) => `\`${escapeMrkdwn(s.id)}\``).join(', ');
  return `No service called "${escapeMrkdwn(target.query)}".${hint}${known ? ` Known services: ${known}.` : ''}`;
}

export function ago(at: Date, now: Date): string {
  return `${formatDuration(now.getTime() - at.getTime())} ago`;
}
