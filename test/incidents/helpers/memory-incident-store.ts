import type { NewJob } from '../../../src/platform/jobs/jobs.ts';
import type { Effect } from '../../../src/platform/outbox/effects.ts';
import type { AuditEntry } from '../../../src/platform/store/audit-log.ts';
import type { Incident, TimelineEntry } from '../../../src/incidents/domain/incident.ts';
import type { BotWork, IncidentStore, TransitionSaved, TransitionWrite } from '../../../src/incidents/ports/incident-store.ts';

interface StoredEntry {
  entry: TimelineEntry;
  dedupKey: string | undefined;
}

/**
 * The incident store in memory, for fast use-case tests: the same rules as the SQL store (the
 * contract test runs both), and every effect a write asked for kept in `effects` in order.
 */
export class MemoryIncidentStore implements IncidentStore {
  private readonly rows = new Map<string, Incident>();
  private readonly entries = new Map<string, StoredEntry[]>();
  private readonly claimed = new Set<string>();
  readonly effects: Effect[] = [];
  /** How many job completions were committed with a write. */
  completions = 0;

  async get(id: string): Promise<Incident | undefined> {
    const row = this.rows.get(id);
    return row && structuredClone(row);
  }

  async byChannel(channelId: string): Promise<Incident | undefined> {
    const row = [...this.rows.values()].find((i) => i.channelId === channelId);
    return row && structuredClone(row);
  }

  async listOpen(): Promise<Incident[]> {
    return [...this.rows.values()].filter((i) => i.status !== 'resolved').sort((a, b) => a.declaredAt.getTime() - b.declaredAt.getTime()).map((i) => structuredClone(i));
  }

  async timeline(incidentId: string): Promise<TimelineEntry[]> {
    return (this.entries.get(incidentId) ?? []).map((e) => structuredClone(e.entry)).sort((a, b) => a.at.getTime() - b.at.getTime());
  }

  async declare(incident: Incident, entries: readonly TimelineEntry[], effects: readonly Effect[]): Promise<boolean> {
    if (this.rows.has(incident.id)) return false;
    this.rows.set(incident.id, structuredClone(incident));
    for (const entry of entries) this.add(incident.id, entry, undefined);
    this.effects.push(...effects);
    return true;
  }

  async saveTransition(write: TransitionWrite): Promise<TransitionSaved> {
    if (this.claimed.has(write.key)) return 'already-done';
    const current = this.rows.get(write.before.id);
    if (!current || !sameState(current, write.before)) return 'conflict';
    if (write.dedupKey !== undefined && this.has(write.before.id, write.dedupKey)) return 'duplicate-entry';
    this.claimed.add(write.key);
    // A transition writes the fields a person changes; links stay as the bot wrote them.
    this.rows.set(write.before.id, { ...structuredClone(write.after), ...linksOf(current) });
    for (const entry of write.entries) this.add(write.before.id, entry, write.dedupKey);
    this.effects.push(...write.effects);
    return 'saved';
  }

  async record(incidentId: string, work: BotWork): Promise<boolean> {
    const row = this.rows.get(incidentId);
    if (row && work.links) this.rows.set(incidentId, { ...row, ...structuredClone(work.links) });
    let added = true;
    if (work.entry) {
      added = work.dedupKey === undefined || !this.has(incidentId, work.dedupKey);
      if (added) this.add(incidentId, work.entry, work.dedupKey);
    }
    if (work.complete) this.completions++;
    this.effects.push(...(work.effects ?? []));
    return added;
  }

  // ── for assertions ──

  /** Jobs scheduled so far (`schedule` and `deliverOnce`), in order. */
  jobs(kind?: string): NewJob[] {
    return this.effects.flatMap((e) => (e.kind === 'schedule' || e.kind === 'deliver-once' ? [e.job] : [])).filter((j) => kind === undefined || j.kind === kind);
  }

  audits(): AuditEntry[] {
    return this.effects.flatMap((e) => (e.kind === 'audit' ? [e.entry] : []));
  }

  /** Puts an incident in as it would be after earlier work (a channel, pages, an issue). */
  put(incident: Incident): void {
    this.rows.set(incident.id, structuredClone(incident));
  }

  private add(incidentId: string, entry: TimelineEntry, dedupKey: string | undefined): void {
    const list = this.entries.get(incidentId) ?? [];
    list.push({ entry: structuredClone(entry), dedupKey });
    this.entries.set(incidentId, list);
  }

  private has(incidentId: string, dedupKey: string): boolean {
    return (this.entries.get(incidentId) ?? []).some((e) => e.dedupKey === dedupKey);
  }
}

/** What the SQL store compares before writing a transition. */
function sameState(a: Incident, b: Incident): boolean {
  return a.updateSeq === b.updateSeq && a.status === b.status && a.severity === b.severity && a.commander === b.commander && JSON.stringify(a.roles) === JSON.stringify(b.roles);
}

function linksOf(i: Incident): Partial<Incident> {
  const { channelId, channelName, summaryTs, issueNumber, issueUrl, reviewIssueNumber, reviewIssueUrl, pages } = i;
  return { channelId, channelName, summaryTs, issueNumber, issueUrl, reviewIssueNumber, reviewIssueUrl, pages };
}
