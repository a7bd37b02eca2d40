import { sql, type Kysely, type Transaction } from 'kysely';
import type { Change, Review, Verdict } from '../domain/change.ts';
import type { CoreTables } from '../../platform/store/core-tables.ts';
import { readChangeData, writeChangeData } from './change-data.ts';
import type { ChangesDatabase, ChangesTable, ChangeTables } from './tables.ts';

type Executor = Kysely<ChangesDatabase> | Transaction<ChangesDatabase>;

function searchText(c: Change): string {
  return [c.id, c.title, c.description, c.tier, ...c.services, ...c.sigs, c.pr?.url ?? '', c.lazy?.issue?.url ?? '', c.lazy?.noticeUrl ?? ''].join(' ').toLowerCase();
}

function toRow(c: Change): ChangesTable {
  const issueRepo = c.lazy?.issue ? /github\.com\/([^/]+\/[^/]+)\/issues\//.exec(c.lazy.issue.url)?.[1] ?? null : null;
  return {
    id: c.id,
    state: c.state,
    tier: c.tier,
    title: c.title,
    author: c.author,
    created_at: c.createdAt.getTime(),
    decided_at: c.decidedAt?.getTime() ?? null,
    issue_repo: issueRepo?.toLowerCase() ?? null,
    issue_number: c.lazy?.issue?.number ?? null,
    pr_repo: c.pr?.repo.toLowerCase() ?? null,
    pr_number: c.pr?.number ?? null,
    search_text: searchText(c),
    version: c.version,
    data: writeChangeData(c),
  };
}

/** `%`, `_` and the escape character itself match literally in a LIKE pattern. */
function likePattern(query: string): string {
  return `%${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const OPEN_STATES = ['open', 'cleared'];

export class ChangeRepository {
  readonly db: Kysely<ChangesDatabase>;
  constructor(db: Kysely<CoreTables>) {
    this.db = db.withTables<ChangeTables>();
  }

  /** Inserts once: the same id again (a retried submission) returns false. */
  async insert(change: Change, trx: Executor = this.db): Promise<boolean> {
    const r = await trx.insertInto('changes').values(toRow(change)).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async get(id: string, trx: Executor = this.db): Promise<Change | undefined> {
    const r = await trx.selectFrom('changes').select('data').where('id', '=', id).executeTakeFirst();
    return r ? readChangeData(r.data) : undefined;
  }

  /** Writes `after` only if the row is still at `before.version`; the new version is one more. */
  async update(before: Change, after: Change, trx: Executor = this.db): Promise<Change | undefined> {
    const next = { ...after, version: before.version + 1 };
    const row = toRow(next);
    const r = await trx
      .updateTable('changes')
      .set({ state: row.state, tier: row.tier, title: row.title, decided_at: row.decided_at, issue_repo: row.issue_repo, issue_number: row.issue_number, pr_repo: row.pr_repo, pr_number: row.pr_number, search_text: row.search_text, version: row.version, data: row.data })
      .where('id', '=', before.id)
      .where('version', '=', before.version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0 ? next : undefined;
  }

  async reviews(changeId: string, trx: Executor = this.db): Promise<Review[]> {
    const rows = await trx.selectFrom('change_reviews').selectAll().where('change_id', '=', changeId).orderBy('at', 'asc').orderBy('reviewer', 'asc').execute();
    return rows.map((r) => ({ reviewer: r.reviewer, verdict: r.verdict as Verdict, reason: r.reason, at: new Date(Number(r.at)), source: r.source === 'github' ? 'github' : 'slack' }));
  }

  /** One row per person: a new word replaces the old one. */
  async putReview(changeId: string, review: Review, trx: Executor = this.db): Promise<void> {
    const values = { change_id: changeId, reviewer: review.reviewer, verdict: review.verdict, reason: review.reason, at: review.at.getTime(), source: review.source };
    await trx
      .insertInto('change_reviews')
      .values(values)
      .onConflict((oc) => oc.columns(['change_id', 'reviewer']).doUpdateSet({ verdict: values.verdict, reason: values.reason, at: values.at, source: values.source }))
      .execute();
  }

  /** Changes not finished (open or cleared), oldest first. */
  async listOpen(trx: Executor = this.db): Promise<Change[]> {
    const rows = await trx.selectFrom('changes').select('data').where('state', 'in', OPEN_STATES).orderBy('created_at', 'asc').orderBy('id', 'asc').execute();
    return rows.map((r) => readChangeData(r.data));
  }

  /** Changes whose lazy-consensus issue or pull request is `repo#number`. */
  async byGithub(repo: string, number: number, trx: Executor = this.db): Promise<Change[]> {
    const r = repo.toLowerCase();
    const rows = await trx
      .selectFrom('changes')
      .select('data')
      .where((eb) => eb.or([eb.and([eb('issue_repo', '=', r), eb('issue_number', '=', number)]), eb.and([eb('pr_repo', '=', r), eb('pr_number', '=', number)])]))
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
      .execute();
    return rows.map((x) => readChangeData(x.data));
  }

  /** Decided changes (cleared, done, rolled back, rejected), newest decision first, optionally matching `query`. */
  async decisions(query: string, limit: number, trx: Executor = this.db): Promise<Change[]> {
    let q = trx.selectFrom('changes').select('data').where('decided_at', 'is not', null);
    const words = query.trim().split(/\s+/).filter(Boolean).slice(0, 8);
    // Portable LIKE with an explicit escape (SQLite has none by default, PostgreSQL's is the backslash).
    for (const w of words) q = q.where(sql<boolean>`search_text like ${likePattern(w)} escape '\\'`);
    const rows = await q.orderBy('decided_at', 'desc').orderBy('id', 'asc').limit(limit).execute();
    return rows.map((r) => readChangeData(r.data));
  }
}
