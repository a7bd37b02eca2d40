import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { CoreTables } from '../../platform/store/core-tables.ts';
import type { IncidentsDatabase, IncidentsTable, IncidentTables } from './tables.ts';
import type { Incident, IncidentStatus, Severity, TimelineEntry, TimelineKind } from '../domain/incident.ts';
import type { IncidentLinks } from '../ports/incident-store.ts';

type Executor = Kysely<IncidentsDatabase> | Transaction<IncidentsDatabase>;

const ms = (d: Date | null) => (d === null ? null : d.getTime());
const date = (n: number | null) => (n === null ? null : new Date(Number(n)));

function toRow(i: Incident): IncidentsTable {
  return {
    id: i.id,
    title: i.title,
    severity: i.severity,
    status: i.status,
    services: JSON.stringify(i.services),
    description: i.description,
    commander: i.commander,
    declarer: i.declarer,
    roles: JSON.stringify(i.roles),
    page: i.page ? 1 : 0,
    channel_id: i.channelId,
    channel_name: i.channelName,
    summary_ts: i.summaryTs,
    issue_number: i.issueNumber,
    issue_url: i.issueUrl,
    review_issue_number: i.reviewIssueNumber,
    review_issue_url: i.reviewIssueUrl,
    pages: JSON.stringify(i.pages),
    update_seq: i.updateSeq,
    declared_at: i.declaredAt.getTime(),
    acknowledged_at: ms(i.acknowledgedAt),
    mitigated_at: ms(i.mitigatedAt),
    resolved_at: ms(i.resolvedAt),
    resolution: i.resolution,
    last_update_at: i.lastUpdateAt.getTime(),
  };
}

function fromRow(r: Selectable<IncidentsTable>): Incident {
  return {
    id: r.id,
    title: r.title,
    severity: r.severity as Severity,
    status: r.status as IncidentStatus,
    services: JSON.parse(r.services) as string[],
    description: r.description,
    commander: r.commander,
    declarer: r.declarer,
    roles: JSON.parse(r.roles) as Incident['roles'],
    page: Number(r.page) === 1,
    channelId: r.channel_id,
    channelName: r.channel_name,
    summaryTs: r.summary_ts,
    issueNumber: r.issue_number === null ? null : Number(r.issue_number),
    issueUrl: r.issue_url,
    reviewIssueNumber: r.review_issue_number === null ? null : Number(r.review_issue_number),
    reviewIssueUrl: r.review_issue_url,
    pages: JSON.parse(r.pages) as Record<string, string>,
    updateSeq: Number(r.update_seq),
    declaredAt: new Date(Number(r.declared_at)),
    acknowledgedAt: date(r.acknowledged_at),
    mitigatedAt: date(r.mitigated_at),
    resolvedAt: date(r.resolved_at),
    resolution: r.resolution,
    lastUpdateAt: new Date(Number(r.last_update_at)),
  };
}

export class IncidentRepository {
  private readonly db: Kysely<IncidentsDatabase>;
  constructor(db: Kysely<CoreTables>) {
    this.db = db.withTables<IncidentTables>();
  }

  /** Inserts once: a second insert with the same id (a retried submission) returns false. */
  async insert(incident: Incident, trx: Executor = this.db): Promise<boolean> {
    const r = await trx.insertInto('incidents').values(toRow(incident)).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async get(id: string, trx: Executor = this.db): Promise<Incident | undefined> {
    const r = await trx.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? fromRow(r) : undefined;
  }

  async byChannel(channelId: string, trx: Executor = this.db): Promise<Incident | undefined> {
    const r = await trx.selectFrom('incidents').selectAll().where('channel_id', '=', channelId).executeTakeFirst();
    return r ? fromRow(r) : undefined;
  }

  async listOpen(trx: Executor = this.db): Promise<Incident[]> {
    const rows = await trx.selectFrom('incidents').selectAll().where('status', '!=', 'resolved').orderBy('declared_at', 'asc').execute();
    return rows.map(fromRow);
  }

  /**
   * Writes a user transition (status, roles, severity, times) only if nobody else changed the
   * incident since `before` was read (same update sequence and status), so two concurrent
   * updates cannot both win. Returns false when the caller must re-read and retry.
   */
  async saveTransition(before: Incident, after: Incident, trx: Executor = this.db): Promise<boolean> {
    const row = toRow(after);
    const r = await trx
      .updateTable('incidents')
      .set({
        title: row.title, severity: row.severity, status: row.status, commander: row.commander, roles: row.roles,
        update_seq: row.update_seq, acknowledged_at: row.acknowledged_at, mitigated_at: row.mitigated_at,
        resolved_at: row.resolved_at, resolution: row.resolution, last_update_at: row.last_update_at,
      })
      .where('id', '=', before.id)
      .where('update_seq', '=', before.updateSeq)
      .where('status', '=', before.status)
      .where('severity', '=', before.severity)
      .where('commander', '=', before.commander)
      .where('roles', '=', JSON.stringify(before.roles))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async setLinks(id: string, links: IncidentLinks, trx: Executor = this.db): Promise<void> {
    const set: Partial<IncidentsTable> = {};
    if (links.channelId !== undefined) set.channel_id = links.channelId;
    if (links.channelName !== undefined) set.channel_name = links.channelName;
    if (links.summaryTs !== undefined) set.summary_ts = links.summaryTs;
    if (links.issueNumber !== undefined) set.issue_number = links.issueNumber;
    if (links.issueUrl !== undefined) set.issue_url = links.issueUrl;
    if (links.reviewIssueNumber !== undefined) set.review_issue_number = links.reviewIssueNumber;
    if (links.reviewIssueUrl !== undefined) set.review_issue_url = links.reviewIssueUrl;
    if (links.pages !== undefined) set.pages = JSON.stringify(links.pages);
    if (Object.keys(set).length === 0) return;
    await trx.updateTable('incidents').set(set).where('id', '=', id).execute();
  }

  /** Appends an entry; with `dedupKey`, the same key is recorded once (a retried event adds nothing). */
  async addTimeline(incidentId: string, entry: TimelineEntry, trx: Executor = this.db, dedupKey?: string): Promise<boolean> {
    const id = `${entry.at.getTime().toString().padStart(15, '0')}-${randomBytes(5).toString('hex')}`;
    const r = await trx
      .insertInto('incident_timeline')
      .values({ id, incident_id: incidentId, at: entry.at.getTime(), kind: entry.kind, actor: entry.actor, text: entry.text, dedup_key: dedupKey ?? null })
      .onConflict((oc) => oc.columns(['incident_id', 'dedup_key']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async timeline(incidentId: string, trx: Executor = this.db): Promise<TimelineEntry[]> {
    const rows = await trx.selectFrom('incident_timeline').selectAll().where('incident_id', '=', incidentId).orderBy('at', 'asc').orderBy('id', 'asc').execute();
    return rows.map((r) => ({ at: new Date(Number(r.at)), kind: r.kind as TimelineKind, actor: r.actor, text: r.text }));
  }
}
