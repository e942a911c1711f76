// A coach's private notes: written by the engagement's coach, read back only by that
// coach (the last one in the next brief, all of them in the coach's own export).
import { and, desc, eq } from 'drizzle-orm';
import type { Cipher } from '../src/crypto.js';
import type { Db } from './client.js';
import { newRowId, rowSeal } from './sealed.js';
import { coachNotes } from './schema/index.js';

export interface CoachNote {
  id: string;
  engagementId: string;
  sessionId: string | null;
  text: string;
  createdAt: Date;
}

export async function insertCoachNote(
  db: Db,
  cipher: Cipher,
  input: { teamId: string; engagementId: string; sessionId: string | null; coachId: string; text: string; now: Date },
): Promise<string> {
  const id = newRowId();
  const textEnc = rowSeal(cipher, 'coach_notes', { teamId: input.teamId, id }).seal('text_enc', input.text);
  await db.insert(coachNotes).values({ id, teamId: input.teamId, engagementId: input.engagementId, sessionId: input.sessionId, coachId: input.coachId, textEnc, createdAt: input.now });
  return id;
}

const open = (cipher: Cipher, r: typeof coachNotes.$inferSelect): CoachNote => ({
  id: r.id,
  engagementId: r.engagementId,
  sessionId: r.sessionId,
  text: rowSeal(cipher, 'coach_notes', r).open('text_enc', r.textEnc),
  createdAt: r.createdAt,
});

/** The coach's last note on this engagement; only the coach who wrote it gets it back. Empty text (erased) reads as none. */
export async function lastCoachNote(db: Db, cipher: Cipher, input: { teamId: string; engagementId: string; coachId: string }): Promise<CoachNote | null> {
  const [row] = await db
    .select()
    .from(coachNotes)
    .where(and(eq(coachNotes.teamId, input.teamId), eq(coachNotes.engagementId, input.engagementId), eq(coachNotes.coachId, input.coachId)))
    .orderBy(desc(coachNotes.createdAt))
    .limit(1);
  const note = row ? open(cipher, row) : null;
  return note && note.text !== '' ? note : null;
}

/** Every note this person wrote as a coach, for their own export. */
export async function coachNotesWrittenBy(db: Db, cipher: Cipher, teamId: string, coachId: string): Promise<CoachNote[]> {
  const rows = await db.select().from(coachNotes).where(and(eq(coachNotes.teamId, teamId), eq(coachNotes.coachId, coachId))).orderBy(coachNotes.createdAt);
  return rows.map((r) => open(cipher, r));
}
