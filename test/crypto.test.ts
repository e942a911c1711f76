// Key rotation in the cipher: ciphertext names its key, the first configured key
// encrypts, older keys still decrypt, and a key id nobody configured fails loudly.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { createCipher, CryptoError, keyIdOf } from '../src/crypto.js';

const oldKey = randomBytes(32);
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
    expect(both.needsRotation(both.encrypt('new words'))).toBe(false);
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
