import type { ContactVault } from '../ports/contact-vault.ts';

export interface ConfigContact {
  id: string;
  phone?: string | undefined;
  alternateEmails: readonly string[];
}

export interface ImportContactsResult {
  imported: string[];
  /** People who already had a record (entered by themselves, or imported before): left as they are. */
  kept: string[];
}

/**
 * `import-contacts`: moves `phone` and `alternateEmails` from a config file into the directory,
 * once. Running it again changes nothing, and it never overwrites what a person entered.
 */
export async function importContacts(deps: { vault: Pick<ContactVault, 'importIfAbsent'> }, people: readonly ConfigContact[], now: Date): Promise<ImportContactsResult> {
  const out: ImportContactsResult = { imported: [], kept: [] };
  for (const p of people) {
    if (!p.phone && p.alternateEmails.length === 0) continue;
    const stored = await deps.vault.importIfAbsent(p.id, { ...(p.phone ? { phone: p.phone } : {}), alternateEmails: [...p.alternateEmails], order: ['slack', 'phone', 'email'] }, now);
    (stored ? out.imported : out.kept).push(p.id);
  }
  return out;
}
