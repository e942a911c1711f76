// Session recaps: written when the coach sends one, read back only for the leader it was
// sent to, removed again when Slack did not take the DM.
import { and, eq } from 'drizzle-orm';
import type { Cipher } from '../src/crypto.js';
import type { Db } from './client.js';
import { newRowId, rowSeal } from './sealed.js';
import { sessionRecaps } from './schema/index.js';

export async function insertRecap(
  db: Db,
  cipher: Cipher,
  input: { teamId: string; engagementId: string; coachId: string; leaderId: string; text: string; now: Date },
): Promise<string> {
  const id = newRowId();
  const textEnc = rowSeal(cipher, 'session_recaps', { teamId: input.teamId, id }).seal('text_enc', input.text);
  await db.insert(sessionRecaps).values({ id, teamId: input.teamId, engagementId: input.engagementId, coachId: input.coachId, leaderId: input.leaderId, textEnc, createdAt: input.now });
  return id;
}

export async function deleteRecap(db: Db, teamId: string, id: string): Promise<void> {
  await db.delete(sessionRecaps).where(and(eq(sessionRecaps.teamId, teamId), eq(sessionRecaps.id, id)));
}

/** The recap's words, for the leader it was sent to; null for anyone else, or once erased. */
export async function recapTextFor(db: Db, cipher: Cipher, input: { teamId: string; id: string; leaderId: string }): Promise<string | null> {
  const [row] = await db
    .select()
    .from(sessionRecaps)
    .where(and(eq(sessionRecaps.teamId, input.teamId), eq(sessionRecaps.id, input.id), eq(sessionRecaps.leaderId, input.leaderId)));
  if (!row) return null;
  const text = rowSeal(cipher, 'session_recaps', row).open('text_enc', row.textEnc);
  return text === '' ? null : text;
}

/** Every recap sent to this leader, for their export. */
export async function recapsReceivedBy(db: Db, cipher: Cipher, teamId: string, leaderId: string) {
  const rows = await db.select().from(sessionRecaps).where(and(eq(sessionRecaps.teamId, teamId), eq(sessionRecaps.leaderId, leaderId))).orderBy(sessionRecaps.createdAt);
  return rows.map((r) => ({ engagementId: r.engagementId, coachId: r.coachId, at: r.createdAt, text: rowSeal(cipher, 'session_recaps', r).open('text_enc', r.textEnc) }));
}
