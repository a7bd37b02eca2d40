import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ContactKeyMissing, open, seal } from '../../src/owners/contact-cipher.ts';
import { parseContactKeys, type ContactKeyRing } from '../../src/owners/contact-keys.ts';

function ring(raw: string): ContactKeyRing {
  const r = parseContactKeys(raw);
  if (!r.ok) throw new Error('bad ring');
  return r.ring;
}

describe('contact keys', () => {
  const a = randomBytes(32);
  const b = randomBytes(32);
  it('reads ids, base64 and hex, commas or newlines; the first seals', () => {
    const r = ring(`new:${a.toString('base64')}\n old:${b.toString('hex')}`);
    expect(r.current.id).toBe('new');
    expect(r.all.map((k) => k.id)).toEqual(['new', 'old']);
    expect(r.all[1]!.key.equals(b)).toBe(true);
  });
  it('names a key without an id by a digest of it, the same every time', () => {
    expect(ring(a.toString('base64')).current.id).toMatch(/^k[0-9a-f]{8}$/);
    expect(ring(a.toString('base64')).current.id).toBe(ring(a.toString('hex')).current.id);
  });
  it.each([
    ['', 'unset'],
    ['  ,  ', 'unset'],
    ['short:c2hvcnQ=', 'invalid'],
    [`a:${a.toString('base64')},a:${b.toString('base64')}`, 'invalid'],
    [`bad id:${a.toString('base64')}`, 'invalid'],
  ])('%j is %s', (raw, reason) => {
    const r = parseContactKeys(raw);
    expect(r.ok ? 'ok' : r.reason).toBe(reason);
  });
  it('never puts the key in its error message', () => {
    const r = parseContactKeys('k1:c2hvcnRrZXk=');
    expect(!r.ok && r.reason === 'invalid' ? r.message : '').not.toContain('c2hvcnRrZXk');
  });
});

describe('sealing with AES-256-GCM', () => {
  const one = ring(`one:${randomBytes(32).toString('base64')}`);
  const two = ring(`two:${randomBytes(32).toString('base64')},one:${one.current.key.toString('base64')}`);
  it('opens what it sealed, with a fresh nonce each time, and no plaintext in the record', () => {
    const s1 = seal(one, 'ben', '{"phone":"+15550001234"}');
    const s2 = seal(one, 'ben', '{"phone":"+15550001234"}');
    expect(s1.nonce).not.toBe(s2.nonce);
    expect(JSON.stringify(s1)).not.toContain('5550001234');
    expect(open(one, 'ben', s1)).toBe('{"phone":"+15550001234"}');
  });
  it('opens a record sealed with an older key during a rotation, and seals with the new one', () => {
    const old = seal(one, 'ben', 'x');
    expect(open(two, 'ben', old)).toBe('x');
    expect(seal(two, 'ben', 'x').keyId).toBe('two');
  });
  it('refuses a record moved onto another person, a tampered one, and one whose key is gone', () => {
    const s = seal(one, 'ben', 'secret');
    expect(() => open(one, 'hh', s)).toThrow();
    const tampered = { ...s, ciphertext: Buffer.from('xxxxxx').toString('base64') };
    expect(() => open(one, 'ben', tampered)).toThrow();
    expect(() => open(ring(`two:${randomBytes(32).toString('base64')}`), 'ben', s)).toThrow(ContactKeyMissing);
  });
});
