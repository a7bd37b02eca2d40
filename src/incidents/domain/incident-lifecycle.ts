import type { Incident, IncidentRole, IncidentStatus, Severity, TimelineEntry } from './incident.ts';

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

/** Title problems the declare modal shows inline, keyed by field. */
export function validateDeclare(input: { title: string }): Record<string, string> {
  const errors: Record<string, string> = {};
  const title = input.title.trim();
  if (!title) errors.title = 'Give the incident a short title, e.g. "registry.k8s.io pulls failing in EU".';
  else if (title.length > 150) errors.title = 'Keep the title under 150 characters; put details in the description.';
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
  const by = input.commander === input.declarer ? '' : `, commander <@${input.commander}>`;
  return { incident, entries: [{ at: now, kind: 'declared', actor: input.declarer, text: `Declared ${input.severity} by <@${input.declarer}>${by}` }] };
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
  let next: Incident = { ...incident, status: update.status, updateSeq: incident.updateSeq + 1, lastUpdateAt: now };
  if (update.status === 'monitoring' && next.mitigatedAt === null) next.mitigatedAt = now;
  next = acknowledgeIfCommander(next, update.by, now);
  return { ok: true, incident: next, entries: [{ at: now, kind: 'update', actor: update.by, text: `*${update.status}*: ${update.message.trim()}` }] };
}

export function assignRole(incident: Incident, role: IncidentRole, userId: string, by: string, now: Date): Transition {
  const refused = closed(incident);
  if (refused) return refused;
  let next: Incident = role === 'commander' ? { ...incident, commander: userId } : { ...incident, roles: { ...incident.roles, [role]: userId } };
  next = acknowledgeIfCommander(next, by, now);
  // A new commander taking over acknowledges by accepting the role from someone else only when they act.
  return { ok: true, incident: next, entries: [{ at: now, kind: 'role', actor: by, text: `<@${userId}> is now ${role} (set by <@${by}>)` }] };
}

export function changeSeverity(incident: Incident, severity: Severity, by: string, now: Date): Transition {
  const refused = closed(incident);
  if (refused) return refused;
  if (severity === incident.severity) return { ok: false, reason: `The incident is already ${severity}.` };
  const next = acknowledgeIfCommander({ ...incident, severity }, by, now);
  return { ok: true, incident: next, entries: [{ at: now, kind: 'severity', actor: by, text: `Severity ${incident.severity} → ${severity} (by <@${by}>)` }] };
}

export function addPinnedMessage(incident: Incident, message: { author: string; text: string }, by: string, now: Date): Transition {
  const refused = closed(incident);
  if (refused) return refused;
  const next = acknowledgeIfCommander(incident, by, now);
  return { ok: true, incident: next, entries: [{ at: now, kind: 'pin', actor: by, text: `<@${message.author}>: ${message.text}` }] };
}

export function resolveIncident(incident: Incident, summary: string, by: string, now: Date): Transition {
  const refused = closed(incident);
  if (refused) return refused;
  if (!summary.trim()) return { ok: false, reason: 'A resolution summary is required.' };
  const next: Incident = {
    ...acknowledgeIfCommander(incident, by, now),
    status: 'resolved',
    resolvedAt: now,
    mitigatedAt: incident.mitigatedAt ?? now,
    resolution: summary.trim(),
    lastUpdateAt: now,
  };
  next.acknowledgedAt ??= now;
  return { ok: true, incident: next, entries: [{ at: now, kind: 'resolved', actor: by, text: `Resolved by <@${by}>: ${summary.trim()}` }] };
}
