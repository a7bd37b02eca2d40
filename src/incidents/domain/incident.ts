/** The incident aggregate as the core sees it; times are Dates, people are Slack user ids. */
export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type IncidentStatus = (typeof STATUSES)[number];

const ROLES = ['commander', 'comms', 'scribe'] as const;
export type IncidentRole = (typeof ROLES)[number];

export const SEVERITY_INFO: Record<Severity, { label: string; description: string; pageByDefault: boolean }> = {
  SEV1: { label: 'SEV1 (critical)', description: 'A core service is down for everyone (e.g. registry.k8s.io not serving images).', pageByDefault: true },
  SEV2: { label: 'SEV2 (major)', description: 'A core service is badly degraded or down for many users or a region.', pageByDefault: true },
  SEV3: { label: 'SEV3 (moderate)', description: 'Partial degradation with a workaround; no release or CI blocked.', pageByDefault: false },
  SEV4: { label: 'SEV4 (minor)', description: 'Minor or cosmetic problem; can wait for working hours.', pageByDefault: false },
};

/** The declare form's "Page the on-call?" answer: `yes`, `no`, or anything else for the severity's default. */
export function pagesOnDeclare(severity: Severity, choice: string | undefined): boolean {
  return choice === 'yes' ? true : choice === 'no' ? false : SEVERITY_INFO[severity].pageByDefault;
}

/** `sev2`, `SEV2`, `2` → `SEV2`. */
export function parseSeverity(s: string): Severity | undefined {
  const m = /^(?:sev)?([1-4])$/i.exec(s.trim());
  return m ? SEVERITIES.find((sev) => sev === `SEV${m[1]}`) : undefined;
}

export function parseStatus(s: string): IncidentStatus | undefined {
  const lower = s.trim().toLowerCase();
  return STATUSES.find((status) => status === lower);
}

export function parseRole(s: string): IncidentRole | undefined {
  const lower = s.trim().toLowerCase();
  return ROLES.find((role) => role === lower);
}

export interface Incident {
  id: string;
  title: string;
  severity: Severity;
  status: IncidentStatus;
  /** Service ids, or out-of-scope ids (e.g. `prow`). */
  services: string[];
  description: string;
  commander: string;
  declarer: string;
  roles: Partial<Record<Exclude<IncidentRole, 'commander'>, string>>;
  page: boolean;
  channelId: string | null;
  channelName: string | null;
  summaryTs: string | null;
  issueNumber: number | null;
  issueUrl: string | null;
  reviewIssueNumber: number | null;
  reviewIssueUrl: string | null;
  /** subproject id → page id, filled as pages are raised. */
  pages: Record<string, string>;
  /** Number of status updates posted so far; reminders carry it so a newer update supersedes them. */
  updateSeq: number;
  declaredAt: Date;
  acknowledgedAt: Date | null;
  mitigatedAt: Date | null;
  resolvedAt: Date | null;
  resolution: string | null;
  lastUpdateAt: Date;
}

export type TimelineKind =
  | 'declared' | 'channel' | 'page' | 'issue' | 'issue_delayed' | 'update' | 'role' | 'severity' | 'pin' | 'reminder' | 'resolved' | 'note';

export interface TimelineEntry {
  at: Date;
  kind: TimelineKind;
  /** Slack user id, or `system`. */
  actor: string;
  text: string;
}
