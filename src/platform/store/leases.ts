import type { Kysely } from 'kysely';
import type { CoreTables } from './core-tables.ts';

/**
 * A named lease in the database: the one replica holding it runs the job it guards.
 * Taking it is a single conditional upsert, atomic on both SQLite and PostgreSQL.
 */
export class Leases {
  constructor(
    private readonly db: Kysely<CoreTables>,
    readonly holder: string,
  ) {}

  async tryAcquire(name: string, now: Date, ttlMs: number): Promise<boolean> {
    const expires = now.getTime() + ttlMs;
    await this.db
      .insertInto('leases')
      .values({ name, holder: this.holder, expires_at: expires })
      .onConflict((oc) =>
        oc
          .column('name')
          .doUpdateSet({ holder: this.holder, expires_at: expires })
          .where((eb) => eb.or([eb('leases.holder', '=', this.holder), eb('leases.expires_at', '<', now.getTime())])),
      )
      .execute();
    const row = await this.db.selectFrom('leases').select(['holder']).where('name', '=', name).executeTakeFirst();
    return row?.holder === this.holder;
  }

  async release(name: string): Promise<void> {
    await this.db.deleteFrom('leases').where('name', '=', name).where('holder', '=', this.holder).execute();
  }

  async holderOf(name: string, now: Date): Promise<string | undefined> {
    const row = await this.db.selectFrom('leases').selectAll().where('name', '=', name).executeTakeFirst();
    return row && Number(row.expires_at) >= now.getTime() ? row.holder : undefined;
  }
}
