// Check-ins and the actions they commit to. Free text is encrypted on the way in and
// decrypted on the way out; callers only ever see plain values.
import { and, desc, eq } from 'drizzle-orm';
import type { Cipher } from '../src/crypto.js';
import type { Db } from './client.js';
import { newRowId, rowSeal } from './sealed.js';
import { actions, checkIns, people } from './schema/index.js';

export interface NewCheckIn {
  teamId: string;
  leaderId: string;
  engagementId?: string | null;
  targetId?: string | null;
  goal: string;
  reality: string;
  options: string;
  will: string;
  commitment: number;
  visibility: 'private' | 'summary' | 'shared';
  revisited: boolean;
  makeItTen?: string;
  /** The experiment style's prediction. */
  expectation?: string;
  actionDueAt: Date;
  /** A nudge about what would make it a 10, before the due date. */
  askPrecondition?: boolean;
}

export interface SavedCheckIn {
  checkInId: string;
  actionId: string;
}

/** The leader's words of a check-in, each sealed to its row and column; what was not asked is null. */
export function sealedCheckInText(c: ReturnType<typeof rowSeal>, text: Pick<NewCheckIn, 'goal' | 'reality' | 'options' | 'will' | 'makeItTen' | 'expectation'>) {
  return {
    goalEnc: c.seal('goal_enc', text.goal),
    realityEnc: c.seal('reality_enc', text.reality),
    optionsEnc: c.seal('options_enc', text.options),
    willEnc: c.seal('will_enc', text.will),
    makeItTenEnc: text.makeItTen ? c.seal('make_it_ten_enc', text.makeItTen) : null,
    expectationEnc: text.expectation ? c.seal('expectation_enc', text.expectation) : null,
  };
}

/** Writes the check-in and its open action in one transaction; earlier open actions are superseded. */
export async function insertCheckIn(db: Db, cipher: Cipher, input: NewCheckIn): Promise<SavedCheckIn> {
  const checkInId = newRowId();
  const actionId = newRowId();
  const c = rowSeal(cipher, 'check_ins', { teamId: input.teamId, id: checkInId });
  return db.transaction(async (tx) => {
    const [checkIn] = await tx
      .insert(checkIns)
      .values({
        id: checkInId,
        teamId: input.teamId,
        leaderId: input.leaderId,
        engagementId: input.engagementId ?? null,
        targetId: input.targetId ?? null,
        ...sealedCheckInText(c, input),
        commitment: input.commitment,
        visibility: input.visibility,
        revisited: input.revisited,
      })
      .returning({ id: checkIns.id });
    // The engagement this check-in went to is the default next time.
    if (input.engagementId) {
      await tx
        .update(people)
        .set({ lastEngagementId: input.engagementId })
        .where(and(eq(people.teamId, input.teamId), eq(people.userId, input.leaderId)));
    }
    await tx
      .update(actions)
      .set({ status: 'dropped' })
      .where(and(eq(actions.teamId, input.teamId), eq(actions.leaderId, input.leaderId), eq(actions.status, 'open')));
    const [action] = await tx
      .insert(actions)
      .values({
        id: actionId,
        teamId: input.teamId,
        leaderId: input.leaderId,
        engagementId: input.engagementId ?? null,
        checkInId: checkIn!.id,
        textEnc: rowSeal(cipher, 'actions', { teamId: input.teamId, id: actionId }).seal('text_enc', input.will),
        dueAt: input.actionDueAt,
        askPrecondition: input.askPrecondition ?? false,
      })
      .returning({ id: actions.id });
    return { checkInId: checkIn!.id, actionId: action!.id };
  });
}

export interface CheckInSummary {
  id: string;
  createdAt: Date;
  goal: string;
  will: string;
  commitment: number;
  visibility: 'private' | 'summary' | 'shared';
  actionStatus?: string;
}

/** The leader's latest check-ins, newest first, with the status of each one's action. */
export async function listRecentCheckIns(db: Db, cipher: Cipher, teamId: string, leaderId: string, limit = 5): Promise<CheckInSummary[]> {
  const rows = await db
    .select({
      id: checkIns.id,
      createdAt: checkIns.createdAt,
      goalEnc: checkIns.goalEnc,
      willEnc: checkIns.willEnc,
      commitment: checkIns.commitment,
      visibility: checkIns.visibility,
      actionStatus: actions.status,
    })
    .from(checkIns)
    .leftJoin(actions, eq(actions.checkInId, checkIns.id))
    .where(and(eq(checkIns.teamId, teamId), eq(checkIns.leaderId, leaderId)))
    .orderBy(desc(checkIns.createdAt))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt,
    goal: rowSeal(cipher, 'check_ins', { teamId, id: r.id }).open('goal_enc', r.goalEnc),
    will: rowSeal(cipher, 'check_ins', { teamId, id: r.id }).open('will_enc', r.willEnc),
    commitment: r.commitment,
    visibility: r.visibility,
    actionStatus: r.actionStatus ?? undefined,
  }));
}

export async function findOpenAction(db: Db, cipher: Cipher, teamId: string, leaderId: string) {
  const [row] = await db
    .select()
    .from(actions)
    .where(and(eq(actions.teamId, teamId), eq(actions.leaderId, leaderId), eq(actions.status, 'open')))
    .orderBy(desc(actions.createdAt))
    .limit(1);
  return row ? { id: row.id, text: rowSeal(cipher, 'actions', row).open('text_enc', row.textEnc), dueAt: row.dueAt, engagementId: row.engagementId } : undefined;
}

/** A stored check-in's five texts, decrypted against its row. */
export function openCheckIn(cipher: Cipher, row: Pick<typeof checkIns.$inferSelect, 'id' | 'teamId' | 'goalEnc' | 'realityEnc' | 'optionsEnc' | 'willEnc' | 'makeItTenEnc'> & { expectationEnc?: string | null }) {
  const c = rowSeal(cipher, 'check_ins', row);
  return {
    goal: c.open('goal_enc', row.goalEnc),
    reality: c.open('reality_enc', row.realityEnc),
    options: c.open('options_enc', row.optionsEnc),
    will: c.open('will_enc', row.willEnc),
    makeItTen: c.openNullable('make_it_ten_enc', row.makeItTenEnc),
    expectation: c.openNullable('expectation_enc', row.expectationEnc ?? null),
  };
}
