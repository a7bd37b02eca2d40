import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CoreTables } from './core-tables.ts';
import { coreOf, type Executor } from './executor.ts';

export interface AuditEntry {
  at: Date;
  /** Slack user id, person id, or `system`. */
  actor: string;
  /** verb.noun, e.g. `override.created`, `page.acknowledged`. */
  action: string;
  /** The aggregate acted on, e.g. `page:01H…`, `rotation:registry-primary`. */
  subject: string;
  payload: Record<string, unknown>;
}

export interface StoredAuditEntry extends AuditEntry {
  id: string;
}

let counter = 0;
function timeOrderedId(at: Date): string {
  counter = (counter + 1) % 1_000_000;
  return `${at.getTime().toString().padStart(15, '0')}-${counter.toString().padStart(6, '0')}-${randomBytes(4).toString('hex')}`;
}

export class AuditLog {
  constructor(private readonly db: Kysely<CoreTables>) {}

  /** Pass the transaction of the state change so the record commits with it, or not at all. */
  async record<DB extends CoreTables>(entry: AuditEntry, trx?: Executor<DB>): Promise<string> {
    const id = timeOrderedId(entry.at);
    await (trx ? coreOf(trx) : this.db)
      .insertInto('audit_log')
      .values({ id, at: entry.at.getTime(), actor: entry.actor, action: entry.action, subject: entry.subject, payload: JSON.stringify(entry.payload) })
      .execute();
    return id;
  }

  async list(filter: { subject?: string; action?: string; limit?: number } = {}): Promise<StoredAuditEntry[]> {
    let q = this.db.selectFrom('audit_log').selectAll().orderBy('at', 'asc').orderBy('id', 'asc');
    if (filter.subject) q = q.where('subject', '=', filter.subject);
    if (filter.action) q = q.where('action', '=', filter.action);
    const rows = await q.limit(filter.limit ?? 1000).execute();
    return rows.map((r) => ({
      id: r.id,
      at: new Date(Number(r.at)),
      actor: r.actor,
      action: r.action,
      subject: r.subject,
      payload: JSON.parse(r.payload) as Record<string, unknown>,
    }));
  }
}
