import type { Incident, TimelineEntry } from './incident.ts';
import { formatSeconds, incidentDurations } from './incident-durations.ts';

/** An issue as the tracker is asked to open it. */
export interface NewTrackerIssue {
  title: string;
  body: string;
  labels: string[];
}

/** How the GitHub text names things the Slack text writes as `<@U…>` and service ids. */
export interface IssueTextContext {
  /** Slack user id → `@github-login` (or a display name when the person has no GitHub login). */
  personName(slackId: string): string;
  serviceName(serviceId: string): string;
  /** Out-of-scope services named in the incident, with their owning SIG. */
  outOfScope: { name: string; sig: string; channel: string }[];
  /** Link to the Slack channel, when known. */
  channelUrl?: string;
}

const iso = (d: Date) => d.toISOString().replace('.000Z', 'Z');

/** Slack mentions in free text become GitHub names, so the issue reads well outside Slack. */
function slackToGithubText(text: string, ctx: Pick<IssueTextContext, 'personName'>): string {
  return text.replace(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g, (_m, id: string) => ctx.personName(id)).replace(/<#C[A-Z0-9]+\|([^>]+)>/g, '#$1');
}

function severityLabel(severity: string): string {
  return `severity/${severity.toLowerCase()}`;
}

export function incidentIssue(incident: Incident, labels: string[], ctx: IssueTextContext): NewTrackerIssue {
  const services = incident.services.map((s) => ctx.serviceName(s)).join(', ') || '(none named)';
  const lines = [
    `**Severity:** ${incident.severity}`,
    `**Status:** ${incident.status}`,
    `**Affected services:** ${services}`,
    `**Commander:** ${ctx.personName(incident.commander)}`,
    `**Declared:** ${iso(incident.declaredAt)} by ${ctx.personName(incident.declarer)}`,
    ...(incident.channelName ? [`**Slack:** #${incident.channelName}${ctx.channelUrl ? ` (${ctx.channelUrl})` : ''}`] : []),
    '',
    '## Description',
    '',
    incident.description ? slackToGithubText(incident.description, ctx) : '_No description given._',
  ];
  for (const o of ctx.outOfScope) lines.push('', `> ${o.name} is owned by ${o.sig} (#${o.channel}); this group only tracks its impact here.`);
  lines.push('', '_Opened by k8s-infra-bot. Updates are posted here as comments._');
  return { title: `[${incident.severity}] ${incident.title}`, body: lines.join('\n'), labels: [...new Set([...labels, severityLabel(incident.severity)])] };
}

export function updateComment(entry: TimelineEntry, ctx: Pick<IssueTextContext, 'personName'>): string {
  return `**${iso(entry.at)}** ${ctx.personName(entry.actor)}: ${slackToGithubText(entry.text, ctx)}`;
}

function durationLines(incident: Incident): string[] {
  const d = incidentDurations(incident);
  const row = (label: string, at: Date | null, secs: number | undefined) => `| ${label} | ${at ? iso(at) : '—'} | ${secs === undefined ? '—' : formatSeconds(secs)} |`;
  return [
    '| | at | after declaration |',
    '| --- | --- | --- |',
    row('Declared', incident.declaredAt, 0),
    row('Acknowledged', incident.acknowledgedAt, d.toAcknowledge),
    row('Mitigated', incident.mitigatedAt, d.toMitigate),
    row('Resolved', incident.resolvedAt, d.toResolve),
  ];
}

export function resolutionComment(incident: Incident, ctx: Pick<IssueTextContext, 'personName'>): string {
  return [`**Resolved** by k8s-infra-bot: ${slackToGithubText(incident.resolution ?? '', ctx)}`, '', ...durationLines(incident)].join('\n');
}

function timelineMarkdown(entries: TimelineEntry[], ctx: Pick<IssueTextContext, 'personName'>): string[] {
  return entries.map((e) => `- **${iso(e.at)}** (${e.kind}) ${slackToGithubText(e.text, ctx).replace(/\n+/g, ' ')}`);
}

export function reviewIssue(incident: Incident, timeline: TimelineEntry[], labels: string[], ctx: IssueTextContext): NewTrackerIssue {
  const body = [
    `Post-incident review for ${incident.issueNumber ? `#${incident.issueNumber}` : `"${incident.title}"`} (${incident.severity}).`,
    '',
    `**Commander:** ${ctx.personName(incident.commander)}`,
    `**Affected services:** ${incident.services.map((s) => ctx.serviceName(s)).join(', ') || '(none named)'}`,
    `**Resolution:** ${slackToGithubText(incident.resolution ?? '', ctx)}`,
    '',
    '## Times',
    '',
    ...durationLines(incident),
    '',
    '## Timeline',
    '',
    ...timelineMarkdown(timeline, ctx),
    '',
    '## What went well',
    '',
    '## What went wrong',
    '',
    '## Action items',
    '',
    '- [ ] ',
  ].join('\n');
  return { title: `Post-incident review: ${incident.title}`, body, labels: [...new Set([...labels, 'kind/post-incident-review'])] };
}
