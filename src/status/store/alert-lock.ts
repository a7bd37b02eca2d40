import type { Kysely } from 'kysely';
import type { CoreTables } from '../../platform/store/core-tables.ts';
import type { AlertLock } from '../ports/alert-lock.ts';

const name = (serviceId: string) => `status-alert:${serviceId}`;

/**
 * AlertLock on the platform's `leases` table (name, holder, expiry): one statement takes a free or
 * expired lease, or keeps one's own, so two replicas never both hold it (PostgreSQL locks the row
 * on conflict; SQLite serializes writers). No transaction is held while the alert is posted.
 */
export class LeaseAlertLock implements AlertLock {
  constructor(private readonly db: Kysely<CoreTables>) {}

  async acquire(serviceId: string, holder: string, until: Date, now: Date): Promise<boolean> {
    const r = await this.db
      .insertInto('leases')
      .values({ name: name(serviceId), holder, expires_at: until.getTime() })
      .onConflict((oc) =>
        oc
          .column('name')
          .doUpdateSet({ holder, expires_at: until.getTime() })
          .where((eb) => eb.or([eb('leases.expires_at', '<=', now.getTime()), eb('leases.holder', '=', holder)])),
      )
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async release(serviceId: string, holder: string): Promise<void> {
    await this.db.deleteFrom('leases').where('name', '=', name(serviceId)).where('holder', '=', holder).execute();
  }
}
