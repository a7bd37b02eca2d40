import { escapeMrkdwn } from '../../core/mrkdwn.ts';
import type { Incident, IncidentRole, IncidentStatus, Severity, TimelineEntry } from './incident.ts';
import { clipText, formatCount, INCIDENT_TEXT_LIMITS, isSlackUserId } from './user-text.ts';

export interface DeclareInput {
  id: string;
  title: string;
  severity: Severity;
  services: string[];
  description: string;
  commander: string;
  declarer: string;
  page: boolean;
}

export type Transition = { ok: true; incident: Incident; entries: TimelineEntry[] } | { ok: false; reason: string };

/**
 * Timeline entries are mrkdwn: the bot's own words around people's text, which is escaped here,
 * once, so every view and the GitHub record show it as typed and it can never ping or link.
 */
function mention(slackId: string): string {
  return isSlackUserId(slackId) ? `<@${slackId}>` : escapeMrkdwn(slackId);
}

/** Why a text is too long, saying the limit (shown inline in a form, or as the command's answer). */
export function tooLong(what: string, text: string, limit: number): string | undefined {
  return text.trim().length > limit ? `${what} can be at most ${formatCount(limit)} characters (this one has ${formatCount(text.trim().length)}).` : undefined;
}

/** Problems the declare modal shows inline, keyed by field (`title`, `description`, `commander`). */
export function validateDeclare(input: { title: string; description?: string; commander?: string }): Record<string, string> {
  const errors: Record<string, string> = {};
  const title = input.title.trim();
  if (!title) errors.title = 'Give the incident a short title, e.g. "registry.k8s.io pulls failing in EU".';
  else if (title.length > INCIDENT_TEXT_LIMITS.title) errors.title = `Keep the title to ${INCIDENT_TEXT_LIMITS.title} characters (this one has ${formatCount(title.length)}); put details in the description.`;
  const description = tooLong('The description', input.description ?? '', INCIDENT_TEXT_LIMITS.description);
  if (description) errors.description = description;
  if (input.commander !== undefined && !isSlackUserId(input.commander)) errors.commander = 'Pick the commander from the list.';
  return errors;
}

export function declareIncident(input: DeclareInput, now: Date): { incident: Incident; entries: TimelineEntry[] } {
  const incident: Incident = {
    id: input.id,
    title: input.title.trim(),
    severity: input.severity,
    status: 'investigating',
    services: [...new Set(input.services)],
    description: input.description.trim(),
    commander: input.commander,
    declarer: input.declarer,
    roles: {},
    page: input.page,
    channelId: null,
    channelName: null,
    summaryTs: null,
    issueNumber: null,
    issueUrl: null,
    reviewIssueNumber: null,
    reviewIssueUrl: null,
    pages: {},
    updateSeq: 0,
    declaredAt: now,
    // A commander who declared it is on it already.
    acknowledgedAt: input.commander === input.declarer ? now : null,
    mitigatedAt: null,
    resolvedAt: null,
    resolution: null,
    lastUpdateAt: now,
  };
  const by = input.commander === input.declarer ? '' : `, commander ${mention(input.commander)}`;
  return { incident, entries: [{ at: now, kind: 'declared', actor: input.declarer, text: `Declared ${input.severity} by ${mention(input.declarer)}${by}` }] };
}

/** The commander acting for the first time acknowledges the incident. */
function acknowledgeIfCommander(incident: Incident, by: string, now: Date): Incident {
  return incident.acknowledgedAt === null && by === incident.commander ? { ...incident, acknowledgedAt: now } : incident;
}

function closed(incident: Incident): Transition | undefined {
  return incident.status === 'resolved' ? { ok: false, reason: `Incident ${incident.title} is already resolved.` } : undefined;
}

export function postUpdate(incident: Incident, update: { status: IncidentStatus; message: string; by: string }, now: Date): Transition {
  const refused = closed(incident);
  if (refused) return refused;
  if (update.status === 'resolved') return { ok: false, reason: 'To resolve, use `/k8s-infra incident resolve` (it asks for a resolution summary).' };
  if (!update.message.trim()) return { ok: false, reason: 'An update needs a message, e.g. `/k8s-infra incident update monitoring fix rolled out`.' };
  const long = tooLong('An update', update.message, INCIDENT_TEXT_LIMITS.update);
  if (long) return { ok: false, reason: `${long} Shorten it, or put the details in the GitHub issue.` };
  let next: Incident = { ...incident, status: update.status, updateSeq: incident.updateSeq + 1, lastUpdateAt: now };
  if (update.status === 'monitoring' && next.mitigatedAt === null) next.mitigatedAt = now;
  next = acknowledgeIfCommander(next, update.by, now);
  return { ok: true, incident: next, entries: [{ at: now, kind: 'update', actor: update.by, text: updateEntryText(update.status, update.message) }] };
}

export function assignRole(incident: Incident, role: IncidentRole, userId: string, by: string, now: Date): Transition {
  const refused = closed(incident);
  if (refused) return refused;
  let next: Incident = role === 'commander' ? { ...incident, commander: userId } : { ...incident, roles: { ...incident.roles, [role]: userId } };
  next = acknowledgeIfCommander(next, by, now);
  // A new commander taking over acknowledges by accepting the role from someone else only when they act.
  return { ok: true, incident: next, entries: [{ at: now, kind: 'role', actor: by, text: `${mention(userId)} is now ${role} (set by ${mention(by)})` }] };
}

export function changeSeverity(incident: Incident, severity: Severity, by: string, now: Date): Transition {
  const refused = closed(incident);
  if (refused) return refused;
  if (severity === incident.severity) return { ok: false, reason: `The incident is already ${severity}.` };
  const next = acknowledgeIfCommander({ ...incident, severity }, by, now);
  return { ok: true, incident: next, entries: [{ at: now, kind: 'severity', actor: by, text: `Severity ${incident.severity} → ${severity} (by ${mention(by)})` }] };
}

/** `message.text` is plain text (a Slack message's formatting already read as such). */
export function addPinnedMessage(incident: Incident, message: { author: string; text: string }, by: string, now: Date): Transition {
  const refused = closed(incident);
  if (refused) return refused;
  const next = acknowledgeIfCommander(incident, by, now);
  const text = escapeMrkdwn(clipText(message.text.trim(), INCIDENT_TEXT_LIMITS.pinned));
  return { ok: true, incident: next, entries: [{ at: now, kind: 'pin', actor: by, text: `${mention(message.author)}: ${text}` }] };
}

export function resolveIncident(incident: Incident, summary: string, by: string, now: Date): Transition {
  const refused = closed(incident);
  if (refused) return refused;
  if (!summary.trim()) return { ok: false, reason: 'A resolution summary is required.' };
  const long = tooLong('A resolution summary', summary, INCIDENT_TEXT_LIMITS.resolution);
  if (long) return { ok: false, reason: long };
  const next: Incident = {
    ...acknowledgeIfCommander(incident, by, now),
    status: 'resolved',
    resolvedAt: now,
    mitigatedAt: incident.mitigatedAt ?? now,
    resolution: summary.trim(),
    lastUpdateAt: now,
  };
  next.acknowledgedAt ??= now;
  return { ok: true, incident: next, entries: [{ at: now, kind: 'resolved', actor: by, text: `Resolved by ${mention(by)}: ${escapeMrkdwn(summary.trim())}` }] };
}

/** The timeline text of a status update (also what its GitHub comment is made from). */
export function updateEntryText(status: IncidentStatus, message: string): string {
  return `*${status}*: ${escapeMrkdwn(message.trim())}`;
}
