import { detailKinds, readContactForm, type ContactField, type ContactForm } from '../domain/contact.ts';
import type { ContactVault } from '../ports/contact-vault.ts';

export interface SaveContactDeps {
  vault: Pick<ContactVault, 'configured' | 'write'>;
  isZone(zone: string): boolean;
  /** Audited without the values: who changed their own details, and which kinds they hold now. */
  saved(personId: string, kinds: string, now: Date): Promise<void>;
}

export type SaveContactResult = { kind: 'saved'; kinds: string } | { kind: 'invalid'; errors: Partial<Record<ContactField, string>> } | { kind: 'not-configured' };

/** The contact modal, submitted by the person themself: checked, sealed and stored. */
export async function saveContact(deps: SaveContactDeps, input: { personId: string; form: ContactForm }, now: Date): Promise<SaveContactResult> {
  if (!deps.vault.configured) return { kind: 'not-configured' };
  const read = readContactForm(input.form, deps.isZone);
  if (!read.ok) return { kind: 'invalid', errors: read.errors };
  await deps.vault.write(input.personId, read.details, now);
  const kinds = detailKinds(read.details);
  await deps.saved(input.personId, kinds, now);
  return { kind: 'saved', kinds };
}
