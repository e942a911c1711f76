// AES-256-GCM for free text and Slack tokens at rest, with key rotation. Ciphertext
// format "v2.<keyId>.<iv>.<tag>.<data>" (base64url): the key id is derived from the key
// itself (first 8 hex digits of its SHA-256), so an operator lists keys, never ids.
// The first key encrypts; every listed key decrypts. "v1" values (no key id) from before
// rotation existed are tried against each key. "v3" values are also bound to their place
// with AES-GCM associated data ("<table>.<column>:<teamId>:<rowId>"), so a value copied to
// another row, column or workspace fails authentication; v1 and v2 values (no binding)
// still read, and `keys:rotate` rewrites them as v3.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where a value lives: its table and column, its workspace and its row's key. */
export interface SealContext {
  table: string;
  column: string;
  teamId: string;
  rowId: string;
}

export const contextOf = (c: SealContext): string => `${c.table}.${c.column}:${c.teamId}:${c.rowId}`;

export interface Cipher {
  /** With a context the value is sealed as v3, bound to that place; without, as unbound v2. */
  encrypt(plain: string, context?: SealContext): string;
  /** A v3 value opens only with the context it was sealed with (`unreadable_ciphertext` otherwise). */
  decrypt(sealed: string, context?: SealContext): string;
  /** True when `sealed` is not v3 under the current (first) key: `keys:rotate` re-encrypts it. */
  needsRotation(sealed: string): boolean;
  /** The id of the key new values are sealed with. */
  readonly currentKeyId: string;
}

export type CryptoErrorCode = 'unknown_key_id' | 'unreadable_ciphertext' | 'invalid_key';

/** A coded failure: decryption never falls back silently to another meaning. */
export class CryptoError extends Error {
  constructor(readonly code: CryptoErrorCode, message: string) {
    super(message);
    this.name = 'CryptoError';
  }
}

export const keyIdOf = (key: Buffer): string => createHash('sha256').update(key).digest('hex').slice(0, 8);

function open(key: Buffer, iv: string, tag: string, data: string, aad?: string): string {
  const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  if (aad !== undefined) d.setAAD(Buffer.from(aad, 'utf8'));
  d.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([d.update(Buffer.from(data, 'base64url')), d.final()]).toString('utf8');
}

/** `keys`: the current key first, then older keys still needed to read existing rows. */
export function createCipher(keys: Buffer | readonly Buffer[]): Cipher {
  const list = Buffer.isBuffer(keys) ? [keys] : [...keys];
  if (list.length === 0 || list.some((k) => k.length !== 32)) throw new CryptoError('invalid_key', 'encryption keys must be 32 bytes each');
  const byId = new Map(list.map((k) => [keyIdOf(k), k] as const));
  const current = list[0]!;
  const currentKeyId = keyIdOf(current);
  return {
    currentKeyId,
    encrypt(plain, context) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', current, iv);
      if (context) c.setAAD(Buffer.from(contextOf(context), 'utf8'));
      const data = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return [context ? 'v3' : 'v2', currentKeyId, iv.toString('base64url'), c.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
    },
    decrypt(sealed, context) {
      const parts = sealed.split('.');
      if ((parts[0] === 'v2' || parts[0] === 'v3') && parts.length === 5) {
        const [version, keyId, iv, tag, data] = parts as [string, string, string, string, string];
        const key = byId.get(keyId);
        if (!key) throw new CryptoError('unknown_key_id', `ciphertext sealed with key ${keyId}, which is not in ENCRYPTION_KEY`);
        // A bound value read without knowing where it should live is refused, not guessed.
        if (version === 'v3' && !context) throw new CryptoError('unreadable_ciphertext', 'bound ciphertext read without its row context');
        try {
          return open(key, iv, tag, data, version === 'v3' ? contextOf(context!) : undefined);
        } catch {
          throw new CryptoError('unreadable_ciphertext', `ciphertext under key ${keyId} failed authentication for this row`);
        }
      }
      if (parts[0] === 'v1' && parts.length === 4) {
        const [, iv, tag, data] = parts as [string, string, string, string];
        for (const key of list) {
          try {
            return open(key, iv, tag, data);
          } catch {
            // Not this key: v1 carries no key id, so each listed key is tried in turn.
          }
        }
        throw new CryptoError('unknown_key_id', 'v1 ciphertext matches none of the keys in ENCRYPTION_KEY');
      }
      throw new CryptoError('unreadable_ciphertext', 'unreadable ciphertext');
    },
    needsRotation(sealed) {
      return !sealed.startsWith(`v3.${currentKeyId}.`);
    },
  };
}

/**
 * Where the embedded database's key lives: next to ./data/pglite, in ./data, so a backup
 * of ./data holds the key with the data. Keep such backups as secret as the key (or set
 * ENCRYPTION_KEY and back up ./data/pglite alone).
 */
export const developmentKeyPath = (config: { pgliteDir: string }): string => join(config.pgliteDir, '..', 'encryption.key');

/**
 * Without ENCRYPTION_KEY (embedded database only), a random key is kept in a local file
 * (mode 0600) so data survives restarts.
 */
export function loadDevelopmentKey(path: string): Buffer {
  if (existsSync(path)) return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  mkdirSync(dirname(path), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(path, key.toString('base64'), { mode: 0o600 });
  chmodSync(path, 0o600);
  return key;
}
