import { sql, type Kysely } from 'kysely';
import type { CoreTables } from '../../platform/store/core-tables.ts';
import type { Dialect } from '../../platform/store/open-database.ts';
import { PAGE_REQUEST_WINDOW_MS, type Admission } from '../domain/page-requests.ts';
import type { PageReportEntry, PageReports, ReportAdmission } from '../ports/page-reports.ts';
import type { PagingDatabase, PagingTables } from './tables.ts';

/**
 * Page requests over Kysely. The count and the insert are one transaction; on PostgreSQL a
 * transaction-scoped advisory lock per reporter serialises two replicas counting the same person
 * (SQLite has one writer at a time), so "3 an hour" is 3, not 3 per replica.
 */
export class PageReportRepository implements PageReports {
  private readonly db: Kysely<PagingDatabase>;

  constructor(
    db: Kysely<CoreTables>,
    private readonly dialect: Dialect,
  ) {
    this.db = db.withTables<PagingTables>();
  }

  async admit(entry: PageReportEntry, now: Date, decide: (recentAt: number[]) => Admission): Promise<ReportAdmission> {
    return this.db.transaction().execute(async (trx): Promise<ReportAdmission> => {
      if (this.dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${`page-reports:${entry.reporter}`}))`.execute(trx);
      const seen = await trx.selectFrom('page_reports').select(['page_id', 'outcome']).where('key', '=', entry.key).executeTakeFirst();
      if (seen) return { kind: 'seen', ...(seen.page_id ? { pageId: seen.page_id } : {}), ...(seen.outcome ? { outcome: seen.outcome } : {}) };
      const recent = await trx
        .selectFrom('page_reports')
        .select('at')
        .where('reporter', '=', entry.reporter)
        .where('at', '>', now.getTime() - PAGE_REQUEST_WINDOW_MS)
        .execute();
      const admission = decide(recent.map((r) => Number(r.at)));
      if (!admission.admitted) return { kind: 'limited', admission };
      await trx
        .insertInto('page_reports')
        .values({ key: entry.key, reporter: entry.reporter, person_id: entry.personId ?? null, subproject_id: entry.subprojectId, page_id: null, outcome: null, at: now.getTime() })
        .execute();
      return { kind: 'new' };
    });
  }

  async settle(key: string, pageId: string, outcome: 'raised' | 'joined'): Promise<void> {
    await this.db.updateTable('page_reports').set({ page_id: pageId, outcome }).where('key', '=', key).execute();
  }
}
