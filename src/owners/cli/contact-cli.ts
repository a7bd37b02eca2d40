import type { CliCommand, CliContext } from '../../platform/capability.ts';
import { parseContactKeys, type ContactKeyRing } from '../contact-keys.ts';
import { sealedContactVault } from '../sealed-contact-vault.ts';
import { ContactStore } from '../store/contact-store.ts';
import type { OwnersTables } from '../store/tables.ts';
import { importContacts } from '../use-cases/import-contacts.ts';

function keyRing(ctx: CliContext): ContactKeyRing | undefined {
  const keys = parseContactKeys(ctx.env.secret('CONTACTS_KEY'));
  if (keys.ok) return keys.ring;
  ctx.err(keys.reason === 'invalid' ? `${keys.message}\n` : 'the contact directory is not configured: set CONTACTS_KEY or CONTACTS_KEY_FILE (e.g. `openssl rand -base64 32`)\n');
  return undefined;
}

/** `import-contacts FILE`: phone numbers and alternate e-mails out of a config file, into the directory. */
export const importContactsCommand: CliCommand = {
  name: 'import-contacts',
  usage: 'import-contacts FILE',
  summary: 'move people’s phone and alternateEmails from FILE into the encrypted contact directory (once)',
  async run(args, ctx) {
    const file = args[0];
    if (!file || args.length > 1) {
      ctx.err('usage: k8s-infra-bot import-contacts FILE\n');
      return 2;
    }
    const ring = keyRing(ctx);
    if (!ring) return 1;
    // Loaded here, not at import: the loader composes the schema from the capability list this module is part of.
    const { loadConfigFile, formatConfigError } = await import('../../platform/config/load-config.ts');
    const loaded = loadConfigFile(file);
    if (!loaded.ok) {
      for (const e of loaded.errors) ctx.err(`${formatConfigError(e)}\n`);
      return 1;
    }
    const store = await ctx.openStore();
    try {
      const vault = sealedContactVault(ring, new ContactStore(store.db.withTables<OwnersTables>()));
      const people = loaded.config.people.map((p) => ({ id: p.id, phone: p.phone, alternateEmails: p.alternateEmails }));
      const result = await importContacts({ vault }, people, ctx.clock.now());
      ctx.out(`imported ${result.imported.length} (${result.imported.join(', ') || 'nobody'}); kept ${result.kept.length} already in the directory (${result.kept.join(', ') || 'nobody'})\n`);
      if (result.imported.length + result.kept.length > 0) ctx.out(`now delete phone and alternateEmails from ${file}: check-config warns while they are there\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};

/** `reencrypt-contacts`: after adding a new key first in CONTACTS_KEY, re-seal every record with it. */
export const reencryptContactsCommand: CliCommand = {
  name: 'reencrypt-contacts',
  usage: 'reencrypt-contacts',
  summary: 'seal every contact record with the first key of CONTACTS_KEY (after a rotation)',
  async run(args, ctx) {
    if (args.length > 0) {
      ctx.err('usage: k8s-infra-bot reencrypt-contacts\n');
      return 2;
    }
    const ring = keyRing(ctx);
    if (!ring) return 1;
    const store = await ctx.openStore();
    try {
      const vault = sealedContactVault(ring, new ContactStore(store.db.withTables<OwnersTables>()));
      const { resealed, unreadable } = await vault.reencrypt();
      ctx.out(`re-sealed ${resealed} record${resealed === 1 ? '' : 's'} with key "${ring.current.id}"\n`);
      if (unreadable.length) {
        ctx.err(`could not open ${unreadable.length} (${unreadable.join(', ')}): their key is not in CONTACTS_KEY; add it back and run again\n`);
        return 1;
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};
