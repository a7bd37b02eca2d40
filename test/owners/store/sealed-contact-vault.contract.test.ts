import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { parseContactKeys, type ContactKeyRing } from '../../../src/owners/contact-keys.ts';
import { sealedContactVault } from '../../../src/owners/sealed-contact-vault.ts';
import { ContactStore } from '../../../src/owners/store/contact-store.ts';
import type { OwnersTables } from '../../../src/owners/store/tables.ts';
import type { Store } from '../../../src/platform/store/open-database.ts';
import { testDatabases } from '../../helpers/test-databases.ts';

function ring(raw: string): ContactKeyRing {
  const r = parseContactKeys(raw);
  if (!r.ok) throw new Error('bad ring');
  return r.ring;
}

const NOW = new Date('2026-11-24T03:12:00Z');
const details = { phone: '+15550001234', alternateEmails: ['ben@example.net'], order: ['phone' as const, 'slack' as const] };

describe.each(testDatabases)('the sealed contact directory on $name', (database) => {
  let store: Store;
  afterEach(async () => store?.close());

  it('stores only ciphertext, reads it back, imports once without overwriting, and re-seals after a rotation', async () => {
    store = await database.open();
    const contacts = new ContactStore(store.db.withTables<OwnersTables>());
    const oldKey = `old:${randomBytes(32).toString('base64')}`;
    const v1 = sealedContactVault(ring(oldKey), contacts);
    expect(await v1.read('ben')).toBeUndefined();
    await v1.write('ben', details, NOW);
    expect(await v1.read('ben')).toEqual(details);
    const rows = await store.db.withTables<OwnersTables>().selectFrom('owners_contacts').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain('5550001234');
    expect(rows[0]).toMatchObject({ person_id: 'ben', key_id: 'old', source: 'person' });

    // An import never overwrites what a person entered; it fills in who had nothing.
    expect(await v1.importIfAbsent('ben', { alternateEmails: [], phone: '+10000000000', order: ['slack'] }, NOW)).toBe(false);
    expect(await v1.importIfAbsent('hh', { alternateEmails: [], phone: '+6420000008', order: ['slack'] }, NOW)).toBe(true);
    expect((await v1.read('ben'))?.phone).toBe('+15550001234');

    // Rotation: the new key first, the old one still accepted; re-encrypt moves every record.
    const v2 = sealedContactVault(ring(`new:${randomBytes(32).toString('base64')},${oldKey}`), contacts);
    expect(await v2.read('ben')).toEqual(details);
    expect(await v2.reencrypt()).toEqual({ resealed: 2, unreadable: [] });
    expect(await v2.reencrypt()).toEqual({ resealed: 0, unreadable: [] });
    const after = await store.db.withTables<OwnersTables>().selectFrom('owners_contacts').select(['person_id', 'key_id']).orderBy('person_id').execute();
    expect(after).toEqual([
      { person_id: 'ben', key_id: 'new' },
      { person_id: 'hh', key_id: 'new' },
    ]);
    // Without the new key the records no longer open; without any key nothing is stored or shown.
    await expect(sealedContactVault(ring(oldKey), contacts).read('ben')).rejects.toThrow(/no longer holds/);
    const none = sealedContactVault(undefined, contacts);
    expect(none.configured).toBe(false);
    await expect(none.read('ben')).rejects.toThrow(/CONTACTS_KEY/);
  });

  it('reports records whose key is gone instead of failing the whole re-encryption', async () => {
    store = await database.open();
    const contacts = new ContactStore(store.db.withTables<OwnersTables>());
    await sealedContactVault(ring(`lost:${randomBytes(32).toString('base64')}`), contacts).write('ben', details, NOW);
    const kept = `kept:${randomBytes(32).toString('base64')}`;
    await sealedContactVault(ring(kept), contacts).write('hh', details, NOW);
    const v = sealedContactVault(ring(`new:${randomBytes(32).toString('base64')},${kept}`), contacts);
    expect(await v.reencrypt()).toEqual({ resealed: 1, unreadable: ['ben'] });
  });
});
