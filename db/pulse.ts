// The pulse's reads and writes outside planning: the leader's stakeholders, a
// stakeholder's answer or decline, and a round's facts for its results. An answer flips
// the person's invitation and stores the responses in one transaction, and the responses
// carry nothing that leads back to the invitation.
import { and, asc, count, eq, inArray, notInArray } from 'drizzle-orm';
import type { Cipher } from '../src/crypto.js';
import type { PulseAnswer, PulseStage, ResponseFacts } from '../src/domain/pulse/index.js';
import type { Db, Tx } from './client.js';
import { updateRowIf } from './update-row.js';
import { newRowId, rowSeal } from './sealed.js';
import { engagements, pulseInvitations, pulseResponses, pulseRounds, pulseStakeholders } from './schema/index.js';

export type PulseRoundRow = typeof pulseRounds.$inferSelect;
export type InvitationStatus = (typeof pulseInvitations.$inferSelect)['status'];

export async function listStakeholders(db: Db | Tx, teamId: string, engagementId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: pulseStakeholders.userId })
    .from(pulseStakeholders)
    .where(and(eq(pulseStakeholders.teamId, teamId), eq(pulseStakeholders.engagementId, engagementId)))
    .orderBy(asc(pulseStakeholders.createdAt), asc(pulseStakeholders.userId));
  return rows.map((r) => r.userId);
}

/** The named set becomes exactly `userIds`; people kept keep the time they were first named. */
export async function replaceStakeholders(tx: Tx, input: { teamId: string; engagementId: string; userIds: string[]; now: Date }): Promise<void> {
  const { teamId, engagementId, userIds } = input;
  await tx.delete(pulseStakeholders).where(and(eq(pulseStakeholders.teamId, teamId), eq(pulseStakeholders.engagementId, engagementId), notInArray(pulseStakeholders.userId, userIds)));
  await tx
    .insert(pulseStakeholders)
    .values(userIds.map((userId) => ({ teamId, engagementId, userId, createdAt: input.now })))
    .onConflictDoNothing();
}

export async function findRound(db: Db | Tx, teamId: string, roundId: string): Promise<PulseRoundRow | undefined> {
  const [round] = await db.select().from(pulseRounds).where(and(eq(pulseRounds.teamId, teamId), eq(pulseRounds.id, roundId)));
  return round;
}

export async function findRoundByStage(db: Db, teamId: string, engagementId: string, stage: PulseStage): Promise<PulseRoundRow | undefined> {
  const [round] = await db
    .select()
    .from(pulseRounds)
    .where(and(eq(pulseRounds.teamId, teamId), eq(pulseRounds.engagementId, engagementId), eq(pulseRounds.stage, stage)));
  return round;
}

export async function listRounds(db: Db, teamId: string, engagementId: string): Promise<PulseRoundRow[]> {
  return db.select().from(pulseRounds).where(and(eq(pulseRounds.teamId, teamId), eq(pulseRounds.engagementId, engagementId))).orderBy(asc(pulseRounds.opensAt));
}

export async function invitationStatus(db: Db, teamId: string, roundId: string, userId: string): Promise<InvitationStatus | undefined> {
  const [row] = await db
    .select({ status: pulseInvitations.status })
    .from(pulseInvitations)
    .where(and(eq(pulseInvitations.teamId, teamId), eq(pulseInvitations.roundId, roundId), eq(pulseInvitations.userId, userId)));
  return row?.status;
}

/** Moves an `asked` invitation on; false when there was none (never asked, or already answered or declined). */
async function settleInvitation(tx: Tx, teamId: string, roundId: string, userId: string, status: 'answered' | 'declined'): Promise<boolean> {
  const rows = await tx
    .update(pulseInvitations)
    .set({ status })
    .where(and(eq(pulseInvitations.teamId, teamId), eq(pulseInvitations.roundId, roundId), eq(pulseInvitations.userId, userId), eq(pulseInvitations.status, 'asked')))
    .returning({ id: pulseInvitations.id });
  return rows.length > 0;
}

export async function saveAnswers(db: Db, cipher: Cipher, input: { teamId: string; roundId: string; userId: string; answers: PulseAnswer[] }): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (!(await settleInvitation(tx, input.teamId, input.roundId, input.userId, 'answered'))) return false;
    const rows = input.answers
      .filter((a) => a.score !== null || a.suggestion !== null)
      .map((a) => {
        const id = newRowId();
        const suggestionEnc = a.suggestion === null ? null : rowSeal(cipher, 'pulse_responses', { teamId: input.teamId, id }).seal('suggestion_enc', a.suggestion);
        return { id, teamId: input.teamId, roundId: input.roundId, targetId: a.targetId, score: a.score, suggestionEnc };
      });
    if (rows.length) await tx.insert(pulseResponses).values(rows);
    return true;
  });
}

export async function saveDecline(db: Db, input: { teamId: string; roundId: string; userId: string }): Promise<boolean> {
  return db.transaction((tx) => settleInvitation(tx, input.teamId, input.roundId, input.userId, 'declined'));
}

/** How many answered, and what was answered (decrypted): only the release rules read this. */
export async function loadRoundAnswers(db: Db, cipher: Cipher, round: Pick<PulseRoundRow, 'id' | 'teamId'>): Promise<{ answered: number; responses: ResponseFacts[] }> {
  const [[tally], rows] = await Promise.all([
    db.select({ n: count() }).from(pulseInvitations).where(and(eq(pulseInvitations.roundId, round.id), eq(pulseInvitations.status, 'answered'))),
    db.select().from(pulseResponses).where(and(eq(pulseResponses.teamId, round.teamId), eq(pulseResponses.roundId, round.id))),
  ]);
  const responses = rows.map((r) => ({
    targetId: r.targetId,
    score: r.score,
    suggestion: rowSeal(cipher, 'pulse_responses', r).openNullable('suggestion_enc', r.suggestionEnc),
  }));
  return { answered: tally?.n ?? 0, responses };
}

/** The leader's first choice to share a closed round with their coach; later choices change nothing. */
export async function shareRound(db: Db, input: { teamId: string; roundId: string; visibility: 'summary' | 'shared'; now: Date }): Promise<boolean> {
  return updateRowIf(db, pulseRounds, { teamId: input.teamId, id: input.roundId }, { visibility: input.visibility, sharedAt: input.now }, eq(pulseRounds.visibility, 'private'));
}

/** Whose round it is: the engagement's parties and status. */
export async function roundEngagement(db: Db, round: Pick<PulseRoundRow, 'teamId' | 'engagementId'>) {
  const [row] = await db
    .select({ id: engagements.id, leaderId: engagements.leaderId, coachId: engagements.coachId, status: engagements.status })
    .from(engagements)
    .where(and(eq(engagements.teamId, round.teamId), eq(engagements.id, round.engagementId)));
  return row;
}

export async function countInvitations(db: Db, roundIds: string[]) {
  if (roundIds.length === 0) return [];
  return db
    .select({ roundId: pulseInvitations.roundId, status: pulseInvitations.status, n: count() })
    .from(pulseInvitations)
    .where(inArray(pulseInvitations.roundId, roundIds))
    .groupBy(pulseInvitations.roundId, pulseInvitations.status);
}

/** A person's part in other leaders' pulses, for their export: where they were named and asked, never what they answered. */
export async function pulseRecordOf(db: Db, teamId: string, userId: string) {
  const [named, asked] = await Promise.all([
    db.select({ engagementId: pulseStakeholders.engagementId }).from(pulseStakeholders).where(and(eq(pulseStakeholders.teamId, teamId), eq(pulseStakeholders.userId, userId))),
    db
      .select({ engagementId: pulseRounds.engagementId, stage: pulseRounds.stage, status: pulseInvitations.status })
      .from(pulseInvitations)
      .innerJoin(pulseRounds, eq(pulseRounds.id, pulseInvitations.roundId))
      .where(and(eq(pulseInvitations.teamId, teamId), eq(pulseInvitations.userId, userId))),
  ]);
  return {
    namedFor: named.map((n) => n.engagementId),
    asked,
    note: 'Answers are stored without your name, so Grow cannot find them to export or erase.',
  };
}

/** Erases where a person was named and asked; their answers, stored without them, stay anonymous. */
export async function erasePulsePerson(tx: Tx, teamId: string, userId: string): Promise<void> {
  await tx.delete(pulseStakeholders).where(and(eq(pulseStakeholders.teamId, teamId), eq(pulseStakeholders.userId, userId)));
  await tx.delete(pulseInvitations).where(and(eq(pulseInvitations.teamId, teamId), eq(pulseInvitations.userId, userId)));
}
