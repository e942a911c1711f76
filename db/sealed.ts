// Sealing and opening one row's encrypted columns with the row's place as AES-GCM
// associated data, so every writer and reader binds a value to "<table>.<column>:
// <teamId>:<row key>" the same way (the columns themselves are listed in
// db/encrypted-columns.ts). Rows whose ids the database would generate get a uuid in code
// first, because the binding needs the id before the insert.
import { randomUUID } from 'node:crypto';
import type { Cipher } from '../src/crypto.js';
import { sealContext } from './encrypted-columns.js';

export interface RowSeal {
  seal(column: string, plain: string): string;
  open(column: string, sealed: string): string;
  /** `open` for nullable columns. */
  openNullable(column: string, sealed: string | null): string | null;
}

export function rowSeal(cipher: Cipher, table: string, row: { teamId: string; id: string }): RowSeal {
  const at = (column: string) => sealContext(table, column, row.teamId, row.id);
  return {
    seal: (column, plain) => cipher.encrypt(plain, at(column)),
    open: (column, sealed) => cipher.decrypt(sealed, at(column)),
    openNullable: (column, sealed) => (sealed === null ? null : cipher.decrypt(sealed, at(column))),
  };
}

export const newRowId = (): string => randomUUID();
