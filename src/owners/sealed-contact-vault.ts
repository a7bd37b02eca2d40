import { z } from 'zod';
import { WEEKDAYS } from '../core/working-hours.ts';
import { CONTACT_CHANNELS, type ContactDetails } from './domain/contact.ts';
import { open, seal } from './contact-cipher.ts';
import type { ContactKeyRing } from './contact-keys.ts';
import type { ContactVault } from './ports/contact-vault.ts';
import type { ContactStore } from './store/contact-store.ts';

const detailsSchema = z.object({
  phone: z.string().optional(),
  alternateEmails: z.array(z.string()).default([]),
  timezone: z.string().optional(),
  workingHours: z.object({ days: z.array(z.enum(WEEKDAYS)), start: z.string(), end: z.string() }).optional(),
  order: z.array(z.enum(CONTACT_CHANNELS)).default(['slack', 'phone', 'email']),
});

export class DirectoryNotConfigured extends Error {}

/** The vault over the sealed store; without a key ring every call but `configured` throws. */
export function sealedContactVault(ring: ContactKeyRing | undefined, store: ContactStore): ContactVault {
  const keys = () => {
    if (!ring) throw new DirectoryNotConfigured('the contact directory has no CONTACTS_KEY');
    return ring;
  };
  const decode = (text: string): ContactDetails => {
    const d = detailsSchema.parse(JSON.parse(text));
    return { ...(d.phone ? { phone: d.phone } : {}), alternateEmails: d.alternateEmails, ...(d.timezone ? { timezone: d.timezone } : {}), ...(d.workingHours ? { workingHours: d.workingHours } : {}), order: d.order };
  };
  return {
    configured: ring !== undefined,
    async read(personId) {
      const r = keys();
      const stored = await store.get(personId);
      return stored ? decode(open(r, personId, stored.sealed)) : undefined;
    },
    async write(personId, details, now) {
      await store.put(personId, seal(keys(), personId, JSON.stringify(details)), 'person', now);
    },
    async importIfAbsent(personId, details, now) {
      return store.putIfAbsent(personId, seal(keys(), personId, JSON.stringify(details)), 'import', now);
    },
    async reencrypt() {
      const r = keys();
      let resealed = 0;
      const unreadable: string[] = [];
      for (const stored of await store.sealedWithOtherThan(r.current.id)) {
        try {
          const plain = open(r, stored.personId, stored.sealed);
          if (await store.replaceSealed(stored.personId, stored.sealed, seal(r, stored.personId, plain))) resealed++;
        } catch {
          // Sealed with a key no longer given, or tampered with: reported, left as it is.
          unreadable.push(stored.personId);
        }
      }
      return { resealed, unreadable };
    },
  };
}
