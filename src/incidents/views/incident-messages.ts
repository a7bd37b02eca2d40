import type { KnownBlock, SectionBlock } from '@slack/types';
import { context, divider, header, messageBlocks, mrkdwn, section, SLACK_LIMITS } from '../../platform/slack/blocks.ts';
import { formatSeconds, incidentDurations } from '../domain/incident-durations.ts';
import type { Incident, TimelineEntry } from '../domain/incident.ts';

export interface Message {
  text: string;
  blocks: KnownBlock[];
}

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
  return incident.services.map((s) => ctx.serviceName(s)).join(', ') || '_none named_';
}

function outOfScopeText(incident: Incident, ctx: IncidentViewContext): string[] {
  return ctx.outOfScope(incident).map((o) => `:information_source: ${o.name} is owned by ${o.sig}: also raise it in #${o.channel}.`);
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
    header(`${incident.severity}: ${incident.title}`),
    facts,
    ...(incident.description ? [section(incident.description)] : []),
    ...outOfScopeText(incident, ctx).map(textOnly),
    ...(incident.resolution ? [section(`*Resolution:* ${incident.resolution}`)] : []),
    context(times),
    divider(),
    section(`*Timeline*${timeline.length > recent.length ? ` (last ${recent.length} of ${timeline.length})` : ''}\n${recent.map((e) => `• ${slackTime(e.at)} ${e.text}`).join('\n') || '_nothing yet_'}`),
    context('Update with `/k8s-infra incident update <status> <message>`; react :pushpin: to add a message to the timeline.'),
  ];
  return { text: `${incident.severity} incident: ${incident.title} (${incident.status})`, blocks: messageBlocks(blocks) };
}

export function declaredAnnouncement(incident: Incident, ctx: IncidentViewContext): Message {
  const lines = [
    `:rotating_light: *${incident.severity} incident declared:* ${incident.title}`,
    `Commander <@${incident.commander}> · services: ${servicesText(incident, ctx)} · join ${channelRef(incident)}`,
    ...outOfScopeText(incident, ctx),
  ];
  return { text: lines.join('\n'), blocks: messageBlocks(lines.map(textOnly)) };
}

export function updatePost(incident: Incident, entry: TimelineEntry, where: 'channel' | 'announcements'): Message {
  const head = where === 'announcements' ? `*${incident.severity} ${incident.title}* (${channelRef(incident)}) ` : '';
  const text = `${STATUS_EMOJI[incident.status] ?? ':memo:'} ${head}${entry.text} (<@${entry.actor}>)`;
  return { text, blocks: [section(text)] };
}

export function resolvedPost(incident: Incident, where: 'channel' | 'announcements'): Message {
  const d = incidentDurations(incident);
  const head = where === 'announcements' ? `(${channelRef(incident)}) ` : '';
  const text = [
    `:white_check_mark: *${incident.severity} resolved:* ${incident.title} ${head}`,
    `*Resolution:* ${incident.resolution ?? ''}`,
    `Acknowledged ${formatSeconds(d.toAcknowledge ?? 0)} · mitigated ${formatSeconds(d.toMitigate ?? 0)} · resolved ${formatSeconds(d.toResolve ?? 0)} after declaration.`,
  ].join('\n');
  return { text, blocks: [section(text)] };
}

export function reminderPost(incident: Incident, sinceMinutes: number): Message {
  const text = `:alarm_clock: <@${incident.commander}> no update on this ${incident.severity} for ${formatSeconds(sinceMinutes * 60)}. Post one with \`/k8s-infra incident update <status> <message>\`.`;
  return { text, blocks: [section(text)] };
}

/** At most 45 rows: with the heading, well within a message's 50 blocks. */
export function incidentList(open: Incident[], now: Date): Message {
  if (open.length === 0) return { text: 'No open incidents.', blocks: [section(':white_check_mark: No open incidents.')] };
  const rows = open.slice(0, 45).map((i) => {
    const d = incidentDurations(i);
    const age = formatSeconds((now.getTime() - i.declaredAt.getTime()) / 1000);
    const ack = d.toAcknowledge !== undefined ? `acked in ${formatSeconds(d.toAcknowledge)}` : '*not acknowledged*';
    const mit = d.toMitigate !== undefined ? ` · mitigated in ${formatSeconds(d.toMitigate)}` : '';
    return section(`*${i.severity}* ${i.title}\n${i.status} · ${age} old · commander <@${i.commander}> · ${channelRef(i)} · ${ack}${mit}`);
  });
  return { text: `${open.length} open incident${open.length === 1 ? '' : 's'}`, blocks: [section(`*Open incidents (${open.length})*`), ...rows] };
}
