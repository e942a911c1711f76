// Rewriting a saved check-in within its edit window: the texts, commitment, visibility and
// target of the same row, and the text of its action while that action is still open.
import { and, desc, eq } from 'drizzle-orm';
import type { Cipher } from '../src/crypto.js';
import type { Db } from './client.js';
import { sealedCheckInText } from './check-ins.js';
import { rowSeal } from './sealed.js';
import { actions, checkIns } from './schema/index.js';

export interface CheckInEdit {
  goal: string;
  reality: string;
  options: string;
  will: string;
  makeItTen?: string;
  expectation?: string;
  commitment: number;
  visibility: 'private' | 'summary' | 'shared';
  targetId: string | null;
}

/** The leader's own check-in with its latest action (a replacement from Home, when there is one), or undefined. */
export async function findOwnCheckIn(db: Db, teamId: string, leaderId: string, checkInId: string) {
  const [row] = await db
    .select({ checkIn: checkIns, action: actions })
    .from(checkIns)
    .leftJoin(actions, eq(actions.checkInId, checkIns.id))
    .where(and(eq(checkIns.teamId, teamId), eq(checkIns.id, checkInId), eq(checkIns.leaderId, leaderId)))
    .orderBy(desc(actions.createdAt))
    .limit(1);
  return row;
}

/** Updates the check-in, and its action's text while the action is open; false when the check-in is not the leader's. */
export async function updateCheckIn(db: Db, cipher: Cipher, input: { teamId: string; leaderId: string; checkInId: string; edit: CheckInEdit }): Promise<boolean> {
  const c = rowSeal(cipher, 'check_ins', { teamId: input.teamId, id: input.checkInId });
  const e = input.edit;
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(checkIns)
      .set({
        ...sealedCheckInText(c, e),
        commitment: e.commitment,
        visibility: e.visibility,
        targetId: e.targetId,
      })
      .where(and(eq(checkIns.teamId, input.teamId), eq(checkIns.id, input.checkInId), eq(checkIns.leaderId, input.leaderId)))
      .returning({ id: checkIns.id });
    if (rows.length === 0) return false;
    const open = await tx
      .select({ id: actions.id })
      .from(actions)
      .where(and(eq(actions.teamId, input.teamId), eq(actions.checkInId, input.checkInId), eq(actions.status, 'open')));
    for (const a of open) {
      await tx
        .update(actions)
        .set({ textEnc: rowSeal(cipher, 'actions', { teamId: input.teamId, id: a.id }).seal('text_enc', e.will) })
        .where(eq(actions.id, a.id));
    }
    return true;
  });
}
