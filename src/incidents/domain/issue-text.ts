import type { Incident, TimelineEntry } from './incident.ts';
import { formatSeconds, incidentDurations } from './incident-durations.ts';

/** An issue as the tracker is asked to open it. */
export interface NewTrackerIssue {
  title: string;
  body: string;
  labels: string[];
  /**
   * Ends the body (an HTML comment GitHub does not show): before retrying a create whose answer
   * was lost, the bot looks for an issue of its own carrying it instead of opening a second one.
   */
  marker: string;
}

export type IssueKind = 'incident' | 'review';

/** `<!-- k8s-infra-bot incident inc-… -->`: one issue of each kind per incident. */
export function issueMarker(kind: IssueKind, incidentId: string): string {
  return `<!-- k8s-infra-bot ${kind} ${incidentId} -->`;
}

/** The marker of one comment, from its delivery's key (ids and `:` only: never ends the HTML comment). */
export function commentMarker(deliveryKey: string): string {
  return `<!-- k8s-infra-bot comment ${deliveryKey.replace(/[^\w:.-]/g, '_').replace(/-{2,}/g, '-')} -->`;
}

/** A comment body ending with its marker, so a retry can tell it was already posted. */
export function withMarker(body: string, marker: string): string {
  return `${body}\n\n${marker}`;
}

/** Every review issue carries it besides the configured labels (a retried create searches by it). */
export const REVIEW_LABEL = 'kind/post-incident-review';

/** GitHub refuses an issue body or comment over 65,536 characters; the review stays well within. */
const MAX_BODY = 60_000;

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

/**
 * An `@name` a person typed must not notify a GitHub user or team (`@kubernetes/sig-leads`): a
 * zero-width space after the `@`, as GitHub's own bots do. Email addresses are left alone.
 */
function withoutGithubMentions(text: string): string {
  return text.replace(/(^|[^\w<`])@(?=[A-Za-z0-9])/g, '$1@&#8203;');
}

/** A person's plain text in GitHub markdown: HTML-escaped (GitHub shows the entities as typed), no mentions. */
function githubText(text: string): string {
  return withoutGithubMentions(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

/**
 * A timeline entry (Slack mrkdwn, people's words already escaped) in GitHub markdown: the bot's
 * own `<@U…>` become the people's GitHub names, so the issue reads well outside Slack and pings
 * the people the bot meant; an `@` a person typed pings nobody.
 */
function slackToGithubText(text: string, ctx: Pick<IssueTextContext, 'personName'>): string {
  return withoutGithubMentions(text)
    .replace(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g, (_m, id: string) => ctx.personName(id))
    .replace(/<#C[A-Z0-9]+\|([^>]+)>/g, '#$1')
    .replace(/<#(C[A-Z0-9]+)>/g, '#$1')
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '[$2]($1)');
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
    incident.description ? githubText(incident.description) : '_No description given._',
  ];
  for (const o of ctx.outOfScope) lines.push('', `> ${o.name} is owned by ${o.sig} (#${o.channel}); this group only tracks its impact here.`);
  const marker = issueMarker('incident', incident.id);
  lines.push('', '_Opened by k8s-infra-bot. Updates are posted here as comments._', '', marker);
  // A title is plain text on GitHub (no markdown, no mentions); one line, as GitHub keeps it.
  const title = `[${incident.severity}] ${incident.title.replace(/\s+/g, ' ')}`;
  return { title, body: lines.join('\n'), labels: [...new Set([...labels, severityLabel(incident.severity)])], marker };
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
  return [`**Resolved** by k8s-infra-bot: ${githubText(incident.resolution ?? '')}`, '', ...durationLines(incident)].join('\n');
}

function timelineMarkdown(entries: TimelineEntry[], ctx: Pick<IssueTextContext, 'personName'>): string[] {
  return entries.map((e) => `- **${iso(e.at)}** (${e.kind}) ${slackToGithubText(e.text, ctx).replace(/\n+/g, ' ')}`);
}

export function reviewIssue(incident: Incident, timeline: TimelineEntry[], labels: string[], ctx: IssueTextContext): NewTrackerIssue {
  const marker = issueMarker('review', incident.id);
  const head = [
    `Post-incident review for ${incident.issueNumber ? `#${incident.issueNumber}` : `"${githubText(incident.title)}"`} (${incident.severity}).`,
    '',
    `**Commander:** ${ctx.personName(incident.commander)}`,
    `**Affected services:** ${incident.services.map((s) => ctx.serviceName(s)).join(', ') || '(none named)'}`,
    `**Resolution:** ${githubText(incident.resolution ?? '')}`,
    '',
    '## Times',
    '',
    ...durationLines(incident),
    '',
    '## Timeline',
    '',
  ];
  const tail = ['', '## What went well', '', '## What went wrong', '', '## Action items', '', '- [ ] ', '', marker];
  const room = MAX_BODY - [...head, ...tail].join('\n').length;
  const body = [...head, ...fitTimeline(timelineMarkdown(timeline, ctx), room, incident.issueNumber), ...tail].join('\n');
  return { title: `Post-incident review: ${incident.title.replace(/\s+/g, ' ')}`, body, labels: [...new Set([...labels, REVIEW_LABEL])], marker };
}

/** The newest lines that fit `room` characters, saying how many earlier ones were left out and where they are. */
function fitTimeline(lines: string[], room: number, issueNumber: number | null): string[] {
  const kept: string[] = [];
  let used = 200; // the note below
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (used + line.length + 1 > room) break;
    kept.unshift(line);
    used += line.length + 1;
  }
  const left = lines.length - kept.length;
  if (left === 0) return kept;
  const where = issueNumber ? ` (every update is a comment on #${issueNumber})` : '';
  return [`- _${left} earlier entries are not shown here${where}._`, ...kept];
}
