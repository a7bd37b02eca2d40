import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { ContactKeyRing } from './contact-keys.ts';

/** A sealed record as stored: which key, the 12-byte nonce, the ciphertext and its 16-byte tag. */
export interface Sealed {
  keyId: string;
  nonce: string;
  ciphertext: string;
  tag: string;
}

export class ContactKeyMissing extends Error {}

/**
 * AES-256-GCM with a fresh random nonce per record. The person id is the additional data: a
 * ciphertext copied onto another person's row fails to open instead of showing their details.
 */
export function seal(ring: ContactKeyRing, personId: string, plaintext: string): Sealed {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', ring.current.key, nonce);
  cipher.setAAD(Buffer.from(personId, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { keyId: ring.current.id, nonce: nonce.toString('base64'), ciphertext: ciphertext.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/** Throws ContactKeyMissing when the key that sealed it is no longer given, and on tampering. */
export function open(ring: ContactKeyRing, personId: string, sealed: Sealed): string {
  const key = ring.all.find((k) => k.id === sealed.keyId);
  if (!key) throw new ContactKeyMissing(`the contact of ${personId} is sealed with key "${sealed.keyId}", which CONTACTS_KEY no longer holds`);
  const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(sealed.nonce, 'base64'));
  decipher.setAAD(Buffer.from(personId, 'utf8'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString('utf8');
}
