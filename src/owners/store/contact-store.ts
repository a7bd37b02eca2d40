import type { Kysely } from 'kysely';
import type { Sealed } from '../contact-cipher.ts';
import type { OwnersDatabase } from './tables.ts';

export interface StoredContact {
  personId: string;
  sealed: Sealed;
  source: 'person' | 'import';
  updatedAt: Date;
}

/** Sealed contact records. Only ciphertext passes through here: sealing is the use cases' job. */
export class ContactStore {
  constructor(private readonly db: Kysely<OwnersDatabase>) {}

  async get(personId: string): Promise<StoredContact | undefined> {
    const r = await this.db.selectFrom('owners_contacts').selectAll().where('person_id', '=', personId).executeTakeFirst();
    return r ? toContact(r) : undefined;
  }

  async put(personId: string, sealed: Sealed, source: StoredContact['source'], now: Date): Promise<void> {
    const row = { key_id: sealed.keyId, nonce: sealed.nonce, ciphertext: sealed.ciphertext, tag: sealed.tag, source, updated_at: now.getTime() };
    await this.db
      .insertInto('owners_contacts')
      .values({ person_id: personId, ...row })
      .onConflict((oc) => oc.column('person_id').doUpdateSet(row))
      .execute();
  }

  /** Inserts unless the person already has a record (an import never overwrites what they entered). */
  async putIfAbsent(personId: string, sealed: Sealed, source: StoredContact['source'], now: Date): Promise<boolean> {
    const r = await this.db
      .insertInto('owners_contacts')
      .values({ person_id: personId, key_id: sealed.keyId, nonce: sealed.nonce, ciphertext: sealed.ciphertext, tag: sealed.tag, source, updated_at: now.getTime() })
      .onConflict((oc) => oc.column('person_id').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /** Records sealed with another key than `keyId`, for re-encryption. */
  async sealedWithOtherThan(keyId: string): Promise<StoredContact[]> {
    const rows = await this.db.selectFrom('owners_contacts').selectAll().where('key_id', '<>', keyId).orderBy('person_id').execute();
    return rows.map(toContact);
  }

  /** Replaces a record only if it is still the one read (a person saving meanwhile wins). */
  async replaceSealed(personId: string, was: Sealed, now: Sealed): Promise<boolean> {
    const r = await this.db
      .updateTable('owners_contacts')
      .set({ key_id: now.keyId, nonce: now.nonce, ciphertext: now.ciphertext, tag: now.tag })
      .where('person_id', '=', personId)
      .where('nonce', '=', was.nonce)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async count(): Promise<number> {
    const r = await this.db.selectFrom('owners_contacts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }
}

function toContact(r: { person_id: string; key_id: string; nonce: string; ciphertext: string; tag: string; source: string; updated_at: number | string }): StoredContact {
  return {
    personId: r.person_id,
    sealed: { keyId: r.key_id, nonce: r.nonce, ciphertext: r.ciphertext, tag: r.tag },
    source: r.source === 'import' ? 'import' : 'person',
    updatedAt: new Date(Number(r.updated_at)),
  };
}
