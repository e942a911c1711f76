// Key rotation in the cipher: ciphertext names its key, the first configured key
// encrypts, older keys still decrypt, and a key id nobody configured fails loudly.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { createCipher, CryptoError, keyIdOf } from '../src/crypto.js';

const oldKey = randomBytes(32);
const place = { table: 'check_ins', column: 'will_enc', teamId: 'T0ACME', rowId: '6f1c0e1e-0000-4000-8000-000000000001' };
const newKey = randomBytes(32);

describe('ciphertext carries its key id', () => {
  it('seals with the first key and names it', () => {
    const sealed = createCipher([newKey, oldKey]).encrypt('I freeze in board meetings');
    expect(sealed.split('.').slice(0, 2)).toEqual(['v2', keyIdOf(newKey)]);
    expect(sealed).not.toContain('freeze');
  });

  it('reads values sealed under an older listed key, and marks them for rotation', () => {
    const before = createCipher(oldKey).encrypt('old words');
    const both = createCipher([newKey, oldKey]);
    expect(both.decrypt(before)).toBe('old words');
    expect(both.needsRotation(before)).toBe(true);
    expect(both.needsRotation(both.encrypt('new words', place))).toBe(false);
    // Unbound (v2) values are rotated too, so every stored value ends up bound to its row.
    expect(both.needsRotation(both.encrypt('new words'))).toBe(true);
  });

  it('fails with a coded error for a key id that is not configured, never returning anything', () => {
    const sealed = createCipher(oldKey).encrypt('old words');
    let error: unknown;
    try {
      createCipher(newKey).decrypt(sealed);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CryptoError);
    expect((error as CryptoError).code).toBe('unknown_key_id');
    expect((error as CryptoError).message).not.toContain('old words');
  });

  it('fails with a coded error when a value under a known key was tampered with', () => {
    const cipher = createCipher(newKey);
    const parts = cipher.encrypt('words').split('.');
    parts[4] = Buffer.from('tampered').toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'))).toThrow(expect.objectContaining({ code: 'unreadable_ciphertext' }));
  });

  it('still reads v1 values written before key ids existed', () => {
    // The v1 layout: v1.<iv>.<tag>.<data>, produced here from a v2 value under the same key.
    const [, , iv, tag, data] = createCipher(oldKey).encrypt('legacy').split('.');
    expect(createCipher([newKey, oldKey]).decrypt(['v1', iv, tag, data].join('.'))).toBe('legacy');
    expect(() => createCipher(newKey).decrypt(['v1', iv, tag, data].join('.'))).toThrow(expect.objectContaining({ code: 'unknown_key_id' }));
  });
});

describe('ENCRYPTION_KEY', () => {
  const base = { SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1' };

  it('lists the new key first and old keys after it', () => {
    const config = parseConfig({ ...base, ENCRYPTION_KEY: `${newKey.toString('base64')},${oldKey.toString('base64')}` });
    expect(config.encryptionKeys).toEqual([newKey, oldKey]);
    expect(config.encryptionKey).toEqual(newKey);
  });

  it('is required whenever DATABASE_URL is set', () => {
    expect(() => parseConfig({ ...base, DATABASE_URL: 'postgres://db/grow' })).toThrow(/ENCRYPTION_KEY: required whenever DATABASE_URL/);
    expect(parseConfig({ ...base }).encryptionKeys).toBeUndefined();
  });

  it('rejects a list with one bad key', () => {
    expect(() => parseConfig({ ...base, ENCRYPTION_KEY: `${newKey.toString('base64')},c2hvcnQ=` })).toThrow(/ENCRYPTION_KEY/);
  });
});

describe('ciphertext bound to its row and team', () => {
  const cipher = createCipher([newKey, oldKey]);
  const codeOf = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e instanceof CryptoError ? e.code : 'not a CryptoError';
    }
    return 'decrypted';
  };

  it('opens only where it was sealed: another row, column or team fails with a coded error', () => {
    const sealed = cipher.encrypt('I avoid conflict', place);
    expect(sealed.startsWith(`v3.${keyIdOf(newKey)}.`)).toBe(true);
    expect(cipher.decrypt(sealed, place)).toBe('I avoid conflict');
    expect(codeOf(() => cipher.decrypt(sealed, { ...place, rowId: '6f1c0e1e-0000-4000-8000-000000000002' }))).toBe('unreadable_ciphertext');
    expect(codeOf(() => cipher.decrypt(sealed, { ...place, teamId: 'T0OTHER' }))).toBe('unreadable_ciphertext');
    expect(codeOf(() => cipher.decrypt(sealed, { ...place, column: 'goal_enc' }))).toBe('unreadable_ciphertext');
    expect(codeOf(() => cipher.decrypt(sealed))).toBe('unreadable_ciphertext');
  });

  it('still reads unbound v2 values wherever they are, for rows written before binding', () => {
    const old = createCipher(oldKey).encrypt('older words');
    expect(old.startsWith('v2.')).toBe(true);
    expect(cipher.decrypt(old, place)).toBe('older words');
    expect(cipher.decrypt(old)).toBe('older words');
  });
});
