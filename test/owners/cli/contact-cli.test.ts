import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli.ts';
import { parseContactKeys } from '../../../src/owners/contact-keys.ts';
import { sealedContactVault } from '../../../src/owners/sealed-contact-vault.ts';
import { ContactStore } from '../../../src/owners/store/contact-store.ts';
import type { OwnersTables } from '../../../src/owners/store/tables.ts';
import { openDatabase } from '../../../src/platform/store/open-database.ts';

async function cli(args: string[], env: Record<string, string>) {
  let out = '';
  let err = '';
  const code = await runCli(args, (s) => (out += s), (s) => (err += s), env);
  return { code, out, err };
}

describe('import-contacts and reencrypt-contacts', () => {
  it('moves the config’s phones and alternate e-mails into the directory once, then re-seals them under a new key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'owners-cli-'));
    const db = join(dir, 'bot.sqlite');
    const oldKey = `k1:${randomBytes(32).toString('base64')}`;
    const env = { DATABASE_URL: `sqlite:${db}`, INFRA_CONFIG: 'config/infra.yaml', CONTACTS_KEY: oldKey };
    // The example config still carries the people's (made-up) phones and one alternate e-mail.
    const config = readFileSync('config/infra.yaml', 'utf8');
    const withPhones = (config.match(/^\s+phone:/gm) ?? []).length;
    expect(withPhones).toBeGreaterThan(0);

    const first = await cli(['import-contacts', 'config/infra.yaml'], env);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(new RegExp(`^imported ${withPhones} `));
    expect(first.out).toContain('now delete phone and alternateEmails from config/infra.yaml');
    expect(first.out).not.toMatch(/\+\d{7,}/);
    const again = await cli(['import-contacts', 'config/infra.yaml'], env);
    expect(again.out).toMatch(new RegExp(`^imported 0 \\(nobody\\); kept ${withPhones} `));

    const rotated = { ...env, CONTACTS_KEY: `k2:${randomBytes(32).toString('base64')},${oldKey}` };
    const re = await cli(['reencrypt-contacts'], rotated);
    expect(re).toMatchObject({ code: 0, out: `re-sealed ${withPhones} records with key "k2"\n` });

    const store = await openDatabase({ kind: 'sqlite', path: db });
    try {
      const ring = parseContactKeys(rotated.CONTACTS_KEY);
      if (!ring.ok) throw new Error('ring');
      const vault = sealedContactVault(ring.ring, new ContactStore(store.db.withTables<OwnersTables>()));
      expect(await vault.read('ameukam')).toEqual({ phone: '+33100000001', alternateEmails: ['ameukam.alt@example.org'], order: ['slack', 'phone', 'email'] });
      const raw = readFileSync(db);
      expect(raw.includes(Buffer.from('+33100000001'))).toBe(false);
    } finally {
      await store.close();
    }
  });

  it('says what is wrong without a key, with a bad key, with a bad file, and with bad usage', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'owners-cli-'));
    const base = { DATABASE_URL: `sqlite:${join(dir, 'bot.sqlite')}`, INFRA_CONFIG: 'config/infra.yaml' };
    expect(await cli(['import-contacts', 'config/infra.yaml'], base)).toMatchObject({ code: 1, err: expect.stringContaining('not configured: set CONTACTS_KEY') });
    expect(await cli(['reencrypt-contacts'], { ...base, CONTACTS_KEY: 'k:dG9vc2hvcnQ=' })).toMatchObject({ code: 1, err: expect.stringContaining('not 32 bytes') });
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'people:\n  - id: x\n    phone: 12\n');
    const key = { ...base, CONTACTS_KEY: `k:${randomBytes(32).toString('base64')}` };
    const badFile = await cli(['import-contacts', bad], key);
    expect(badFile.code).toBe(1);
    expect(badFile.err).toMatch(/bad\.yaml:\d+: /);
    expect(await cli(['import-contacts'], key)).toMatchObject({ code: 2 });
    expect(await cli(['reencrypt-contacts', 'extra'], key)).toMatchObject({ code: 2 });
  });
});
