import { createHash } from 'node:crypto';

/** One AES-256 key of the contact directory, named so each ciphertext says which key sealed it. */
export interface ContactKey {
  id: string;
  key: Buffer;
}

/** The keys in use: the first seals, every one opens (so a rotation needs no downtime). */
export interface ContactKeyRing {
  current: ContactKey;
  all: readonly ContactKey[];
}

export type KeyRingResult = { ok: true; ring: ContactKeyRing } | { ok: false; reason: 'unset' } | { ok: false; reason: 'invalid'; message: string };

/**
 * Parses CONTACTS_KEY (or the file CONTACTS_KEY_FILE names): keys separated by commas or
 * newlines, each `<id>:<key>` or just `<key>`, a key being 32 bytes in base64 or 64 hex digits.
 * A key without an id is named by a digest of it, so the same key always has the same id.
 */
export function parseContactKeys(raw: string | undefined): KeyRingResult {
  const entries = (raw ?? '').split(/[,\n]/).map((s) => s.trim()).filter(Boolean);
  if (entries.length === 0) return { ok: false, reason: 'unset' };
  const keys: ContactKey[] = [];
  for (const [i, entry] of entries.entries()) {
    const colon = entry.indexOf(':');
    const text = colon >= 0 ? entry.slice(colon + 1).trim() : entry;
    const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
    if (key.length !== 32) return { ok: false, reason: 'invalid', message: `CONTACTS_KEY: key ${i + 1} is not 32 bytes (give base64 or 64 hex digits, e.g. from \`openssl rand -base64 32\`)` };
    const id = colon >= 0 ? entry.slice(0, colon).trim() : `k${createHash('sha256').update(key).digest('hex').slice(0, 8)}`;
    if (!/^[A-Za-z0-9._-]{1,40}$/.test(id)) return { ok: false, reason: 'invalid', message: `CONTACTS_KEY: key ${i + 1} has an id other than letters, digits, ".", "_" and "-"` };
    if (keys.some((k) => k.id === id)) return { ok: false, reason: 'invalid', message: `CONTACTS_KEY: key id "${id}" is given twice` };
    keys.push({ id, key });
  }
  return { ok: true, ring: { current: keys[0]!, all: keys } };
}

/** The text people see when the directory has no key. */
export const DIRECTORY_NOT_CONFIGURED = 'The contact directory is not configured: the bot has no CONTACTS_KEY, so nothing can be stored or shown. Ask an operator to set one.';
