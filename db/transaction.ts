// One transaction per verb: data access functions that must write atomically run inside
// the caller's transaction when they are given one, and open their own otherwise.
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db, Tx } from './client.js';

/**
 * Runs `fn` in the caller's transaction when `db` is one (no savepoint: a failure aborts
 * the whole verb, as it would anyway, and saves a round trip), or in a new one.
 */
export function inTransaction<T>(db: Db | Tx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db instanceof PgTransaction ? fn(db as Tx) : db.transaction(fn);
}
