// Every encrypted column in one list, and the two things done across all of them: key
// rotation (re-encrypt under the current key, in batches, resumably) and the start-up
// check that the configured keys read a sample of what is stored. Every value is bound
// to "<table>.<column>:<teamId>:<row key>" (see src/crypto.ts); `sealContext` builds it.
import { sql } from 'drizzle-orm';
import type { Cipher, SealContext } from '../src/crypto.js';
import { rowsOf, type Db } from './client.js';

interface EncryptedTable {
  table: string;
  /** The row's key column (its uuid, or the team id for installations). */
  key: string;
  columns: string[];
}

/** A new encrypted column must be added here, or rotation and the start check skip it. */
export const ENCRYPTED_COLUMNS: readonly EncryptedTable[] = [
  { table: 'installations', key: 'team_id', columns: ['bot_token_enc'] },
  { table: 'targets', key: 'id', columns: ['description_enc'] },
  { table: 'check_ins', key: 'id', columns: ['goal_enc', 'reality_enc', 'options_enc', 'will_enc', 'make_it_ten_enc', 'expectation_enc'] },
  { table: 'actions', key: 'id', columns: ['text_enc'] },
  { table: 'reflections', key: 'id', columns: ['body_enc', 'rating_enc', 'permalink_enc'] },
  { table: 'pulse_responses', key: 'id', columns: ['suggestion_enc'] },
  { table: 'engagements', key: 'id', columns: ['invitation_note_enc', 'end_reason_enc'] },
  { table: 'engagement_questions', key: 'id', columns: ['text_enc'] },
  { table: 'sponsor_answers', key: 'id', columns: ['answer_enc'] },
  { table: 'coach_notes', key: 'id', columns: ['text_enc'] },
  { table: 'session_recaps', key: 'id', columns: ['text_enc'] },
];

/** The place a value is bound to; readers and writers of every column above use it. */
export const sealContext = (table: string, column: string, teamId: string, rowId: string): SealContext => ({ table, column, teamId, rowId });

export type RotationCounts = Record<string, { rotated: number; skipped: number }>;

export interface RotateOptions {
  batchSize?: number;
  /** Called after each committed batch; throwing stops the run (tests use it to interrupt). */
  afterBatch?: (column: string, rotated: number) => void;
}

/**
 * Re-encrypts every value not yet v3 under the current key (so unbound v1/v2 values get
 * bound to their row), after moving any legacy plaintext into its encrypted column. Each batch commits on its own
 * and a value is replaced only if unchanged since it was read, so an interrupted run
 * resumes where it stopped and a concurrent write is never overwritten.
 */
export async function rotateEncryptedColumns(db: Db, cipher: Cipher, options: RotateOptions = {}): Promise<RotationCounts> {
  const batchSize = options.batchSize ?? 500;
  const current = `v3.${cipher.currentKeyId}.%`;
  const counts: RotationCounts = {};
  await encryptLegacyPlaintext(db, cipher);
  for (const { table, key, columns } of ENCRYPTED_COLUMNS) {
    for (const column of columns) {
      const name = `${table}.${column}`;
      const tally = (counts[name] = { rotated: 0, skipped: 0 });
      let after = '';
      for (;;) {
        const rows = rowsOf<{ k: string; t: string; v: string }>(
          await db.execute(sql`select ${sql.identifier(key)}::text as k, team_id as t, ${sql.identifier(column)} as v from ${sql.identifier(table)}
            where ${sql.identifier(column)} is not null and ${sql.identifier(column)} not like ${current} and ${sql.identifier(key)}::text > ${after}
            order by ${sql.identifier(key)}::text limit ${batchSize}`),
        );
        if (rows.length === 0) break;
        await db.transaction(async (tx) => {
          for (const row of rows) {
            const place = sealContext(table, column, row.t, row.k);
            const sealed = cipher.encrypt(cipher.decrypt(row.v, place), place);
            const updated = rowsOf(
              await tx.execute(sql`update ${sql.identifier(table)} set ${sql.identifier(column)} = ${sealed}
                where ${sql.identifier(key)}::text = ${row.k} and ${sql.identifier(column)} = ${row.v} returning 1`),
            );
            if (updated.length > 0) tally.rotated += 1;
            else tally.skipped += 1;
          }
        });
        after = rows[rows.length - 1]!.k;
        options.afterBatch?.(name, tally.rotated);
      }
    }
  }
  return counts;
}

export type KeyCheck = { ok: true; checked: number } | { ok: false; column: string; code: string };

/** Decrypts up to `perColumn` stored values of every column; the first failure is the answer. */
export async function checkKeysOnSample(db: Db, cipher: Cipher, perColumn = 3): Promise<KeyCheck> {
  let checked = 0;
  for (const { table, key, columns } of ENCRYPTED_COLUMNS) {
    for (const column of columns) {
      const rows = rowsOf<{ k: string; t: string; v: string }>(
        await db.execute(
          sql`select ${sql.identifier(key)}::text as k, team_id as t, ${sql.identifier(column)} as v from ${sql.identifier(table)} where ${sql.identifier(column)} is not null limit ${perColumn}`,
        ),
      );
      for (const row of rows) {
        try {
          cipher.decrypt(row.v, sealContext(table, column, row.t, row.k));
          checked += 1;
        } catch (error) {
          return { ok: false, column: `${table}.${column}`, code: (error as { code?: string }).code ?? 'unreadable_ciphertext' };
        }
      }
    }
  }
  return { ok: true, checked };
}

/**
 * Reflections' ratings and permalinks were once stored in clear (`rating`, `permalink`);
 * SQL cannot encrypt, so this step does: each value is sealed into its `_enc` column and
 * the plaintext emptied, in batches, each row only if unchanged since read. Runs at start
 * (before the key check) and at the start of `keys:rotate`; returns how many rows moved.
 */
export async function encryptLegacyPlaintext(db: Db, cipher: Cipher, batchSize = 500): Promise<number> {
  let moved = 0;
  for (;;) {
    const rows = rowsOf<{ id: string; t: string; rating: number | null; permalink: string | null }>(
      await db.execute(sql`select id::text as id, team_id as t, rating, permalink from reflections
        where rating is not null or permalink is not null order by id limit ${batchSize}`),
    );
    if (rows.length === 0) return moved;
    await db.transaction(async (tx) => {
      for (const r of rows) {
        const ratingEnc = r.rating === null ? null : cipher.encrypt(String(r.rating), sealContext('reflections', 'rating_enc', r.t, r.id));
        const permalinkEnc = r.permalink === null ? null : cipher.encrypt(r.permalink, sealContext('reflections', 'permalink_enc', r.t, r.id));
        await tx.execute(sql`update reflections set
            rating_enc = coalesce(${ratingEnc}, rating_enc), permalink_enc = coalesce(${permalinkEnc}, permalink_enc), rating = null, permalink = null
          where id = ${r.id}::uuid and rating is not distinct from ${r.rating}::integer and permalink is not distinct from ${r.permalink}::text`);
      }
    });
    moved += rows.length;
  }
}
