import type { ContactDetails } from '../domain/contact.ts';

/** The private directory: details go in and come out in the clear, and are sealed in between. */
export interface ContactVault {
  /** False without a CONTACTS_KEY: nothing can be stored or shown. */
  readonly configured: boolean;
  read(personId: string): Promise<ContactDetails | undefined>;
  write(personId: string, details: ContactDetails, now: Date): Promise<void>;
  /** Stores an imported record unless the person has one; true when stored. */
  importIfAbsent(personId: string, details: ContactDetails, now: Date): Promise<boolean>;
  /** Re-seals every record under the current key; how many were re-sealed. */
  reencrypt(): Promise<{ resealed: number; unreadable: string[] }>;
}
