// The leader's own changes to their open action from App Home: done early, a new due date,
// or a replacement. Each write happens only while the action is still open and the
// leader's own; an action outside any engagement has its follow-up rows kept here, since
// no engagement plan follows it.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Cipher } from '../src/crypto.js';
import type { Db, Tx } from './client.js';
import { newRowId, rowSeal } from './sealed.js';
import { actions, checkIns, nudges } from './schema/index.js';

export interface OpenActionRow {
  id: string;
  text: string;
  dueAt: Date;
  engagementId: string | null;
  checkInId: string;
  askPrecondition: boolean;
  visibility: 'private' | 'summary' | 'shared';
}

/** The action if it is still open and the leader's own; undefined otherwise. */
export async function findLeaderOpenAction(db: Db, cipher: Cipher, teamId: string, leaderId: string, actionId: string): Promise<OpenActionRow | undefined> {
  const [row] = await db
    .select({ action: actions, visibility: checkIns.visibility })
    .from(actions)
    .innerJoin(checkIns, eq(checkIns.id, actions.checkInId))
    .where(and(eq(actions.teamId, teamId), eq(actions.id, actionId), eq(actions.leaderId, leaderId), eq(actions.status, 'open')));
  if (!row) return undefined;
  const a = row.action;
  return {
    id: a.id,
    text: rowSeal(cipher, 'actions', a).open('text_enc', a.textEnc),
    dueAt: a.dueAt,
    engagementId: a.engagementId,
    checkInId: a.checkInId,
    askPrecondition: a.askPrecondition,
    visibility: row.visibility,
  };
}

/** Cancels the pending follow-up and precondition rows of an action outside any engagement. */
async function cancelLooseNudges(tx: Tx, teamId: string, actionId: string, now: Date): Promise<void> {
  await tx
    .update(nudges)
    .set({ status: 'cancelled', updatedAt: now })
    .where(
      and(
        eq(nudges.teamId, teamId),
        eq(nudges.status, 'pending'),
        inArray(nudges.kind, ['follow_up', 'precondition']),
        sql`${nudges.ref}->>'actionId' = ${actionId}`,
      ),
    );
}

export interface LooseNudge {
  kind: 'follow_up' | 'precondition';
  dueAt: Date;
}

export interface PlannedNudge {
  id: string;
  teamId: string;
  dueAt: Date;
}

async function insertLooseNudges(tx: Tx, teamId: string, leaderId: string, actionId: string, planned: LooseNudge[]): Promise<PlannedNudge[]> {
  if (planned.length === 0) return [];
  return tx
    .insert(nudges)
    .values(
      planned.map((n) => ({
        teamId,
        recipientId: leaderId,
        kind: n.kind,
        dedupeKey: `action:${actionId}:${n.kind}:${n.dueAt.getTime()}`,
        dueAt: n.dueAt,
        ref: { actionId },
      })),
    )
    .onConflictDoNothing()
    .returning({ id: nudges.id, teamId: nudges.teamId, dueAt: nudges.dueAt });
}

/** Marks the open action done; false when it was no longer open (or not the leader's). */
export async function markActionDoneEarly(db: Db, input: { teamId: string; leaderId: string; actionId: string; now: Date }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(actions)
      .set({ status: 'done', answeredAt: input.now })
      .where(and(eq(actions.teamId, input.teamId), eq(actions.id, input.actionId), eq(actions.leaderId, input.leaderId), eq(actions.status, 'open')))
      .returning({ engagementId: actions.engagementId });
    if (rows.length === 0) return false;
    if (!rows[0]!.engagementId) await cancelLooseNudges(tx, input.teamId, input.actionId, input.now);
    return true;
  });
}

/**
 * Moves the open action's due date (a snooze no longer applies). `loose` is the new
 * follow-up of an action outside any engagement; null when an engagement plan follows it.
 */
export async function moveActionDue(
  db: Db,
  input: { teamId: string; leaderId: string; actionId: string; dueAt: Date; now: Date; loose: LooseNudge[] | null },
): Promise<PlannedNudge[] | null> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(actions)
      .set({ dueAt: input.dueAt, snoozedUntil: null })
      .where(and(eq(actions.teamId, input.teamId), eq(actions.id, input.actionId), eq(actions.leaderId, input.leaderId), eq(actions.status, 'open')))
      .returning({ id: actions.id });
    if (rows.length === 0) return null;
    if (!input.loose) return [];
    await cancelLooseNudges(tx, input.teamId, input.actionId, input.now);
    return insertLooseNudges(tx, input.teamId, input.leaderId, input.actionId, input.loose);
  });
}

/**
 * Drops the open action and writes its replacement under the same check-in, whose
 * visibility becomes the one the leader chose now.
 */
export async function replaceOpenAction(
  db: Db,
  cipher: Cipher,
  input: {
    teamId: string;
    leaderId: string;
    actionId: string;
    text: string;
    dueAt: Date;
    visibility: 'private' | 'summary' | 'shared';
    now: Date;
    /** The follow-up of the replacement when no engagement plan follows it. */
    loose: (newActionId: string) => LooseNudge[] | null;
  },
): Promise<{ actionId: string; engagementId: string | null; planned: PlannedNudge[] } | null> {
  const newId = newRowId();
  return db.transaction(async (tx) => {
    const [old] = await tx
      .update(actions)
      .set({ status: 'dropped' })
      .where(and(eq(actions.teamId, input.teamId), eq(actions.id, input.actionId), eq(actions.leaderId, input.leaderId), eq(actions.status, 'open')))
      .returning({ checkInId: actions.checkInId, engagementId: actions.engagementId });
    if (!old) return null;
    await tx
      .update(checkIns)
      .set({ visibility: input.visibility })
      .where(and(eq(checkIns.teamId, input.teamId), eq(checkIns.id, old.checkInId)));
    await tx.insert(actions).values({
      id: newId,
      teamId: input.teamId,
      leaderId: input.leaderId,
      engagementId: old.engagementId,
      checkInId: old.checkInId,
      textEnc: rowSeal(cipher, 'actions', { teamId: input.teamId, id: newId }).seal('text_enc', input.text),
      dueAt: input.dueAt,
    });
    let planned: PlannedNudge[] = [];
    const loose = old.engagementId ? null : input.loose(newId);
    if (loose) {
      await cancelLooseNudges(tx, input.teamId, input.actionId, input.now);
      planned = await insertLooseNudges(tx, input.teamId, input.leaderId, newId, loose);
    }
    return { actionId: newId, engagementId: old.engagementId, planned };
  });
}
