import type { KnownBlock, SectionBlock } from '@slack/types';
import { escapeInline, escapeMrkdwn } from '../../core/mrkdwn.ts';
import { clip, context, divider, header, messageBlocks, mrkdwn, section, SLACK_LIMITS } from '../../platform/slack/blocks.ts';
import { formatSeconds, incidentDurations } from '../domain/incident-durations.ts';
import type { Incident, TimelineEntry } from '../domain/incident.ts';

export interface Message {
  text: string;
  blocks: KnownBlock[];
}

/**
 * Every view here is mrkdwn, so the people's words in it (title, description, resolution) are
 * escaped as they are put in; timeline entries were escaped when written. The `text` of a message
 * (notifications, search, the fallback) is mrkdwn too, and kept within a short notification.
 */
const NOTIFICATION_TEXT = 3000;
const message = (text: string, blocks: KnownBlock[]): Message => ({ text: clip(text, NOTIFICATION_TEXT), blocks: messageBlocks(blocks) });
const title = (i: Pick<Incident, 'title'>) => escapeInline(i.title);

/** What views need to name services and owners; built from the config by the capability. */
export interface IncidentViewContext {
  serviceName(id: string): string;
  /** Out-of-scope services named by the incident, with the SIG and channel that own them. */
  outOfScope(incident: Pick<Incident, 'services'>): { name: string; sig: string; channel: string }[];
}

const slackTime = (d: Date) => `<!date^${Math.floor(d.getTime() / 1000)}^{date_short_pretty} {time}|${d.toISOString().slice(0, 16).replace('T', ' ')} UTC>`;
const channelRef = (i: Pick<Incident, 'channelId' | 'channelName'>) => (i.channelId ? `<#${i.channelId}>` : i.channelName ? `#${i.channelName}` : '(channel being created)');
const issueRef = (i: Pick<Incident, 'issueNumber' | 'issueUrl'>) => (i.issueUrl ? `<${i.issueUrl}|#${i.issueNumber}>` : 'pending (GitHub)');
const STATUS_EMOJI: Record<string, string> = { investigating: ':mag:', identified: ':dart:', monitoring: ':eyes:', resolved: ':white_check_mark:' };
const textOnly = (text: string): SectionBlock => section(text);

function servicesText(incident: Incident, ctx: IncidentViewContext): string {
  return incident.services.map((s) => escapeInline(ctx.serviceName(s))).join(', ') || '_none named_';
}

function outOfScopeText(incident: Incident, ctx: IncidentViewContext): string[] {
  return ctx.outOfScope(incident).map((o) => `:information_source: ${escapeInline(o.name)} is owned by ${escapeInline(o.sig)}: also raise it in #${escapeInline(o.channel)}.`);
}

/** The pinned message in the incident channel, kept current with chat.update. */
export function summaryMessage(incident: Incident, timeline: TimelineEntry[], ctx: IncidentViewContext): Message {
  const d = incidentDurations(incident);
  const times = [
    `declared ${slackTime(incident.declaredAt)}`,
    d.toAcknowledge !== undefined ? `acknowledged after ${formatSeconds(d.toAcknowledge)}` : 'not acknowledged yet',
    ...(d.toMitigate !== undefined ? [`mitigated after ${formatSeconds(d.toMitigate)}`] : []),
    ...(d.toResolve !== undefined ? [`resolved after ${formatSeconds(d.toResolve)}`] : []),
  ].join(' · ');
  const roles = [`Commander: <@${incident.commander}>`, ...Object.entries(incident.roles).map(([r, u]) => `${r[0]?.toUpperCase()}${r.slice(1)}: <@${u}>`)].join('\n');
  const recent = timeline.slice(-15);
  const field = (text: string) => mrkdwn(text, SLACK_LIMITS.fieldText);
  // A section of fields only: the builder's `section` always has a text.
  const facts: SectionBlock = {
    type: 'section',
    fields: [
      field(`*Status*\n${STATUS_EMOJI[incident.status] ?? ''} ${incident.status}`),
      field(`*Severity*\n${incident.severity}`),
      field(`*People*\n${roles}`),
      field(`*Services*\n${servicesText(incident, ctx)}`),
      field(`*GitHub issue*\n${issueRef(incident)}`),
      ...(incident.reviewIssueUrl ? [field(`*Review*\n<${incident.reviewIssueUrl}|#${incident.reviewIssueNumber}>`)] : []),
    ],
  };
  const blocks = [
    // plain_text: shown as typed, never parsed for mentions or links.
    header(`${incident.severity}: ${incident.title}`),
    facts,
    ...(incident.description ? [section(escapeMrkdwn(incident.description))] : []),
    ...outOfScopeText(incident, ctx).map(textOnly),
    ...(incident.resolution ? [section(`*Resolution:* ${escapeMrkdwn(incident.resolution)}`)] : []),
    context(times),
    divider(),
    section(`*Timeline*${timeline.length > recent.length ? ` (last ${recent.length} of ${timeline.length})` : ''}\n${recent.map((e) => `• ${slackTime(e.at)} ${e.text}`).join('\n') || '_nothing yet_'}`),
    context('Update with `/k8s-infra incident update &lt;status&gt; &lt;message&gt;`; react :pushpin: to add a message to the timeline.'),
  ];
  return message(`${incident.severity} incident: ${title(incident)} (${incident.status})`, blocks);
}

export function declaredAnnouncement(incident: Incident, ctx: IncidentViewContext): Message {
  const lines = [
    `:rotating_light: *${incident.severity} incident declared:* ${title(incident)}`,
    `Commander <@${incident.commander}> · services: ${servicesText(incident, ctx)} · join ${channelRef(incident)}`,
    ...outOfScopeText(incident, ctx),
  ];
  return message(lines.join('\n'), lines.map(textOnly));
}

export function updatePost(incident: Incident, entry: TimelineEntry, where: 'channel' | 'announcements'): Message {
  const head = where === 'announcements' ? `*${incident.severity} ${title(incident)}* (${channelRef(incident)}) ` : '';
  const text = `${STATUS_EMOJI[incident.status] ?? ':memo:'} ${head}${entry.text} (<@${entry.actor}>)`;
  return message(text, [section(text)]);
}

export function resolvedPost(incident: Incident, where: 'channel' | 'announcements'): Message {
  const d = incidentDurations(incident);
  const head = where === 'announcements' ? `(${channelRef(incident)}) ` : '';
  const text = [
    `:white_check_mark: *${incident.severity} resolved:* ${title(incident)} ${head}`,
    `*Resolution:* ${escapeMrkdwn(incident.resolution ?? '')}`,
    `Acknowledged ${formatSeconds(d.toAcknowledge ?? 0)} · mitigated ${formatSeconds(d.toMitigate ?? 0)} · resolved ${formatSeconds(d.toResolve ?? 0)} after declaration.`,
  ].join('\n');
  return message(text, [section(text)]);
}

export function reminderPost(incident: Incident, sinceMinutes: number): Message {
  const text = `:alarm_clock: <@${incident.commander}> no update on this ${incident.severity} for ${formatSeconds(sinceMinutes * 60)}. Post one with \`/k8s-infra incident update &lt;status&gt; &lt;message&gt;\`.`;
  return message(text, [section(text)]);
}

/** At most 45 rows: with the heading, well within a message's 50 blocks. */
export function incidentList(open: Incident[], now: Date): Message {
  if (open.length === 0) return { text: 'No open incidents.', blocks: [section(':white_check_mark: No open incidents.')] };
  const rows = open.slice(0, 45).map((i) => {
    const d = incidentDurations(i);
    const age = formatSeconds((now.getTime() - i.declaredAt.getTime()) / 1000);
    const ack = d.toAcknowledge !== undefined ? `acked in ${formatSeconds(d.toAcknowledge)}` : '*not acknowledged*';
    const mit = d.toMitigate !== undefined ? ` · mitigated in ${formatSeconds(d.toMitigate)}` : '';
    return section(`*${i.severity}* ${title(i)}\n${i.status} · ${age} old · commander <@${i.commander}> · ${channelRef(i)} · ${ack}${mit}`);
  });
  return message(`${open.length} open incident${open.length === 1 ? '' : 's'}`, [section(`*Open incidents (${open.length})*`), ...rows]);
}
